import { Module } from '@nestjs/common';
import { StationAccess } from './station-access';

@Module({ providers: [StationAccess], exports: [StationAccess] })
export class StationsModule {}
