// Suggests a dispute type for a registrar's Chinese description: Naive Bayes over jieba tokens, with a
// temperature-calibrated posterior, corrected by the explicit rules in rules.ts.
import { FALLBACK_DISPUTE_TYPE } from './dispute-types';
import { argmax, NaiveBayesScorer, softmax, type ModelEvaluation, type NaiveBayesModel } from './naive-bayes';
import { DISPUTE_RULES, matchRules, type DisputeRule } from './rules';
import { shippedModel } from './shipped-model';
import { ensureTokenizer, tokenize } from './tokenizer';

export interface DisputeTypeSuggestion {
  /** A dispute type code (see dispute-types.ts). */
  disputeType: string;
  /** Calibrated posterior probability of `disputeType`, 0..1, 3 decimals. */
  confidence: number;
  /** Up to 5 words of the text that pushed most toward `disputeType` (log-likelihood ratio vs the other
   * types, times occurrences), strongest first. */
  drivingWords: { word: string; weight: number }[];
  /** Name of the rule that decided the type, when one did. */
  rule?: string;
  /** The next two types, most probable first. */
  alternatives: { disputeType: string; confidence: number }[];
  modelVersion: string;
}

const MAX_DRIVING_WORDS = 5;
const MAX_ALTERNATIVES = 2;
/** Below this many non-space characters a description is not classified (unless a rule is explicit). */
const MIN_TEXT_CHARS = 4;
/** Used when a rule has not been measured on training data yet (rule added after the last training). */
const DEFAULT_RULE_PRECISION = 0.8;

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export class DisputeClassifier {
  readonly modelVersion: string;
  private readonly scorer: NaiveBayesScorer;

  constructor(
    private readonly model: NaiveBayesModel = shippedModel(),
    private readonly rules: readonly DisputeRule[] = DISPUTE_RULES,
  ) {
    this.scorer = new NaiveBayesScorer(model);
    this.modelVersion = model.version;
  }

  /** How the shipped model did on held-out examples when it was trained. */
  get evaluation(): ModelEvaluation {
    return this.model.evaluation;
  }

  /** Loads the tokenizer dictionary now (~300 ms) instead of on the first suggestion. */
  warmUp(): void {
    ensureTokenizer();
  }

  /** Model-only posterior (no rules), in `model.classes` order: used by the training report. */
  modelPosterior(tokens: readonly string[]): number[] {
    return softmax(this.scorer.logJoint(tokens), this.model.temperature);
  }

  suggest(text: string): DisputeTypeSuggestion {
    const normalised = text.normalize('NFKC').trim();
    const tokens = tokenize(normalised);
    const known = this.scorer.known(tokens);
    const matched = matchRules(normalised, this.rules);
    const override = matched.find((rule) => rule.effect === 'override');
    const tooShort = normalised.replace(/\s+/g, '').length < MIN_TEXT_CHARS;
    if (override === undefined && (known.size === 0 || tooShort)) return this.fallback();

    const classes = this.model.classes;
    const logits = this.scorer.logJoint(tokens).map((score) => score / this.model.temperature);
    const modelTop = argmax(logits);
    for (const rule of matched) {
      if (rule.effect === 'boost') logits[classes.indexOf(rule.disputeType)] += rule.boost ?? 0;
    }
    let probabilities = softmax(logits);
    let top = argmax(probabilities);
    let decidedBy: string | undefined;
    if (override !== undefined) {
      top = classes.indexOf(override.disputeType);
      probabilities = this.raiseTo(probabilities, top, this.rulePrecision(override));
      decidedBy = override.name;
    } else if (top !== modelTop) {
      // A boost flipped the model's answer: say which one.
      decidedBy = matched.find((rule) => rule.disputeType === classes[top])?.name;
    }

    const alternatives = probabilities
      .map((p, c) => ({ disputeType: classes[c] as string, confidence: round3(p), c }))
      .filter((alt) => alt.c !== top)
      .sort((a, b) => b.confidence - a.confidence || a.c - b.c)
      .slice(0, MAX_ALTERNATIVES)
      .map(({ disputeType, confidence }) => ({ disputeType, confidence }));

    return {
      disputeType: classes[top],
      confidence: round3(probabilities[top]),
      drivingWords: this.drivingWords(known, top),
      ...(decidedBy !== undefined ? { rule: decidedBy } : {}),
      alternatives,
      modelVersion: this.modelVersion,
    };
  }

  private fallback(): DisputeTypeSuggestion {
    return {
      disputeType: FALLBACK_DISPUTE_TYPE,
      // The uniform probability: the text gave no evidence either way.
      confidence: round3(1 / this.model.classes.length),
      drivingWords: [],
      alternatives: [],
      modelVersion: this.modelVersion,
    };
  }

  /** P(type | rule fired), measured on the training split, Laplace-smoothed so a rare rule is not 100 %. */
  private rulePrecision(rule: DisputeRule): number {
    const stats = this.model.rules[rule.name];
    if (stats === undefined || stats.hits === 0) return DEFAULT_RULE_PRECISION;
    return (stats.correct + 1) / (stats.hits + 2);
  }

  /** Lifts class c to at least `floor`, scaling the others down so the distribution still sums to 1. */
  private raiseTo(probabilities: number[], c: number, floor: number): number[] {
    const target = Math.max(probabilities[c], floor);
    const rest = 1 - probabilities[c];
    return probabilities.map((p, i) => {
      if (i === c) return target;
      return rest > 0 ? (p * (1 - target)) / rest : (1 - target) / (probabilities.length - 1);
    });
  }

  private drivingWords(known: Map<number, number>, c: number): { word: string; weight: number }[] {
    return [...known]
      .map(([i, n]) => ({ word: this.model.vocabulary[i], weight: n * this.scorer.logLikelihoodRatio(i, c) }))
      .filter((w) => w.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
      .slice(0, MAX_DRIVING_WORDS)
      .map((w) => ({ word: w.word, weight: round3(w.weight) }));
  }
}
