import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, TypeSuggestionView } from '@fengqiao/contracts';
import { DisputeType } from '../cases/dispute-type.entity';
import { DisputeClassifier, type DisputeTypeSuggestion } from './dispute-classifier';
import { TypeSuggestionRecord } from './type-suggestion-record.entity';

/** The text the classifier reads: what a registrar typed, title first. */
export const complaintText = (title: string | undefined, description: string) =>
  [title, description].filter(Boolean).join('。');

/**
 * 类型建议: the shipped model's suggestion for a complaint, and the record of what the coordinator
 * then chose. A choice that differs from the suggestion is a correction, kept as training data.
 */
@Injectable()
export class TypeSuggestions implements OnModuleInit {
  private readonly classifier = new DisputeClassifier();
  private names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const types = await this.dataSource.getRepository(DisputeType).find();
    this.names = new Map(types.map((t) => [t.code, t.nameZh]));
    // Loads the tokenizer's dictionary now rather than on the first registration.
    this.classifier.suggest('邻里纠纷');
  }

  suggest(title: string | undefined, description: string): TypeSuggestionView {
    return this.toView(this.classifier.suggest(complaintText(title, description)));
  }

  /** Records what was suggested and what was chosen, in the caller's transaction. */
  async record(
    m: EntityManager,
    caseId: string,
    text: string,
    chosenType: string,
    actor: Actor,
    at: Date,
  ): Promise<DisputeTypeSuggestion> {
    const s = this.classifier.suggest(text);
    await m.insert(TypeSuggestionRecord, {
      caseId,
      text,
      suggestedType: s.disputeType,
      confidence: s.confidence,
      modelVersion: s.modelVersion,
      chosenType,
      corrected: s.disputeType !== chosenType,
      recordedAt: at,
      recordedById: actor.id,
    });
    return s;
  }

  private toView(s: DisputeTypeSuggestion): TypeSuggestionView {
    return {
      disputeType: s.disputeType,
      disputeTypeName: this.names.get(s.disputeType) ?? s.disputeType,
      confidence: s.confidence,
      drivingWords: s.drivingWords,
      rule: s.rule,
      alternatives: s.alternatives,
      modelVersion: s.modelVersion,
    };
  }
}
