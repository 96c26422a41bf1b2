import { Module } from '@nestjs/common';
import { OfficeArea } from './office-area';

/** What every judicial feature asks dispatch about the office: its name, its area's committees. */
@Module({ providers: [OfficeArea], exports: [OfficeArea] })
export class OfficeModule {}
