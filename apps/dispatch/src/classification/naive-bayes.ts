// Multinomial Naive Bayes over jieba tokens: the model format (model.json), training, and scoring.
// Chosen over logistic regression because it trains in closed form, stays accurate with ~40 short
// examples per class, and its per-token log-likelihoods explain a suggestion directly (driving words).
import { DISPUTE_TYPE_CODES, isDisputeTypeCode, type DisputeTypeCode } from './dispute-types';

export interface TypeMetrics {
  precision: number;
  recall: number;
  /** Held-out examples of this type. */
  support: number;
}

export interface ModelEvaluation {
  /** Naive Bayes alone, on the held-out 20 % of disputes.tsv. */
  heldOutAccuracy: number;
  /** The full classifier (model + rules), same examples: what `DisputeClassifier.suggest` achieves. */
  heldOutAccuracyWithRules: number;
  /** Per type, for the full classifier. */
  perType: Record<string, TypeMetrics>;
}

export interface RuleStats {
  /** Training examples the rule fired on. */
  hits: number;
  /** Of those, how many carried the rule's type. */
  correct: number;
}

export interface NaiveBayesModel {
  format: 'fengqiao-dispute-nb';
  formatVersion: 1;
  version: string;
  trainedAt: string;
  classes: DisputeTypeCode[];
  vocabulary: string[];
  /** log P(class), in `classes` order. */
  logPriors: number[];
  /** log P(token | class): one row per class, one column per vocabulary entry. */
  logLikelihoods: number[][];
  /** Additive (Lidstone) smoothing used to compute logLikelihoods. */
  alpha: number;
  /** Count a token once per description (binary features) rather than per occurrence. */
  binary: boolean;
  /** Posterior = softmax(logJoint / temperature): NB's independence assumption makes raw posteriors
   * overconfident; the temperature is fitted on out-of-fold training predictions. */
  temperature: number;
  counts: {
    trainExamples: number;
    heldOutExamples: number;
    correctionsUsed: number;
    perType: Record<string, number>;
    vocabulary: number;
  };
  evaluation: ModelEvaluation;
  rules: Record<string, RuleStats>;
}

export interface TokenisedExample {
  disputeType: DisputeTypeCode;
  tokens: string[];
}

/** The part of the model needed to score: what `train` produces before evaluation adds metadata. */
export type NaiveBayesCore = Pick<
  NaiveBayesModel,
  'classes' | 'vocabulary' | 'logPriors' | 'logLikelihoods' | 'alpha' | 'binary'
>;

export interface TrainOptions {
  alpha: number;
  binary: boolean;
}

function featureCounts(tokens: readonly string[], binary: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, binary ? 1 : (counts.get(token) ?? 0) + 1);
  return counts;
}

export function trainNaiveBayes(
  examples: readonly TokenisedExample[],
  options: TrainOptions,
): NaiveBayesCore {
  const classes = [...DISPUTE_TYPE_CODES];
  const vocabulary = [...new Set(examples.flatMap((e) => e.tokens))].sort();
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const docCounts = classes.map(() => 0);
  const tokenCounts = classes.map(() => new Float64Array(vocabulary.length));
  for (const example of examples) {
    const c = classes.indexOf(example.disputeType);
    docCounts[c] += 1;
    for (const [token, n] of featureCounts(example.tokens, options.binary)) {
      tokenCounts[c][index.get(token) as number] += n;
    }
  }
  // Priors smoothed too, so a type with no examples yet (e.g. a fresh install) is not impossible.
  const totalDocs = examples.length + classes.length;
  const logPriors = docCounts.map((n) => Math.log((n + 1) / totalDocs));
  const logLikelihoods = tokenCounts.map((counts) => {
    const total = counts.reduce((a, b) => a + b, 0) + options.alpha * vocabulary.length;
    return Array.from(counts, (n) => Math.log((n + options.alpha) / total));
  });
  return { classes, vocabulary, logPriors, logLikelihoods, alpha: options.alpha, binary: options.binary };
}

/** Vocabulary lookup built once per model; scoring is then linear in the number of tokens. */
export class NaiveBayesScorer {
  private readonly index: Map<string, number>;

  constructor(readonly model: NaiveBayesCore) {
    this.index = new Map(model.vocabulary.map((word, i) => [word, i]));
  }

  /** Vocabulary indices of the known tokens, with their feature counts. */
  known(tokens: readonly string[]): Map<number, number> {
    const known = new Map<number, number>();
    for (const [token, n] of featureCounts(tokens, this.model.binary)) {
      const i = this.index.get(token);
      if (i !== undefined) known.set(i, n);
    }
    return known;
  }

  /** log P(class) + Σ log P(token | class), per class. Unknown tokens are ignored. */
  logJoint(tokens: readonly string[]): number[] {
    const known = this.known(tokens);
    return this.model.classes.map((_, c) => {
      let score = this.model.logPriors[c];
      for (const [i, n] of known) score += n * this.model.logLikelihoods[c][i];
      return score;
    });
  }

  /**
   * How strongly a token points to class c rather than the others: log P(t|c) minus the log of the mean
   * P(t|c') over the other classes.
   */
  logLikelihoodRatio(vocabularyIndex: number, c: number): number {
    let others = 0;
    for (let k = 0; k < this.model.classes.length; k++) {
      if (k !== c) others += Math.exp(this.model.logLikelihoods[k][vocabularyIndex]);
    }
    return this.model.logLikelihoods[c][vocabularyIndex] - Math.log(others / (this.model.classes.length - 1));
  }
}

/** Numerically stable softmax of scores / temperature. */
export function softmax(scores: readonly number[], temperature = 1): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Structural check of a loaded model.json: a truncated or hand-edited file must fail at start-up,
 * not produce NaN confidences at request time.
 */
export function assertNaiveBayesModel(value: unknown): asserts value is NaiveBayesModel {
  const fail = (why: string): never => {
    throw new Error(`Invalid dispute classifier model: ${why}`);
  };
  if (typeof value !== 'object' || value === null) fail('not an object');
  const m = value as Record<string, unknown>;
  if (m.format !== 'fengqiao-dispute-nb' || m.formatVersion !== 1) fail('unknown format');
  if (typeof m.version !== 'string') fail('missing version');
  if (!Array.isArray(m.classes) || !m.classes.every((c) => typeof c === 'string' && isDisputeTypeCode(c))) {
    fail('classes must be dispute type codes');
  }
  const classes = m.classes as string[];
  if (!Array.isArray(m.vocabulary) || !m.vocabulary.every((w) => typeof w === 'string')) {
    fail('vocabulary must be strings');
  }
  const vocabularySize = (m.vocabulary as string[]).length;
  if (!isNumberArray(m.logPriors) || m.logPriors.length !== classes.length) fail('logPriors shape');
  if (
    !Array.isArray(m.logLikelihoods) ||
    m.logLikelihoods.length !== classes.length ||
    !m.logLikelihoods.every((row) => isNumberArray(row) && row.length === vocabularySize)
  ) {
    fail('logLikelihoods shape');
  }
  if (typeof m.temperature !== 'number' || !(m.temperature > 0)) fail('temperature must be > 0');
  if (typeof m.binary !== 'boolean') fail('binary must be a boolean');
  if (typeof m.rules !== 'object' || m.rules === null) fail('missing rules stats');
}
