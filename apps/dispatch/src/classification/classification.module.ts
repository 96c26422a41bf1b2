import { Module } from '@nestjs/common';
import { ClassificationHandlers } from './classification.handlers';
import { ReclassifyCase } from './reclassify-case';
import { TypeSuggestions } from './type-suggestions';

@Module({
  controllers: [ClassificationHandlers],
  providers: [TypeSuggestions, ReclassifyCase],
  exports: [TypeSuggestions],
})
export class ClassificationModule {}
