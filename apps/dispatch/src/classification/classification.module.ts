import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { ClassificationHandlers } from './classification.handlers';
import { ReclassifyCase } from './reclassify-case';
import { TypeSuggestions } from './type-suggestions';

@Module({
  imports: [SlaModule],
  controllers: [ClassificationHandlers],
  providers: [TypeSuggestions, ReclassifyCase],
  exports: [TypeSuggestions],
})
export class ClassificationModule {}
