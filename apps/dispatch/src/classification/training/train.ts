// Offline training of the dispute type classifier.
//
//   node dist/classification/training/train.js [--corrections corrections.tsv]
//   (from apps/dispatch: npm run build && npm run classifier:train -- --corrections corrections.tsv)
//
// Reads training/disputes.tsv (+ coordinators' corrections exported from the database, same columns),
// splits it deterministically 80/20, picks the smoothing by 5-fold cross-validation on the 80 %, fits
// the calibration temperature on the out-of-fold predictions, trains on the 80 %, evaluates on the 20 %
// and writes src/classification/model.json (and the dist copy next to this script, so a running build
// picks it up without recompiling). Prints the report on stdout.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  foldOf,
  HELD_OUT_PERCENT,
  readTsv,
  SPLIT_SEED,
  splitExamples,
  textKey,
  type LabelledExample,
} from '../dataset';
import { DisputeClassifier } from '../dispute-classifier';
import { DISPUTE_TYPE_CODES } from '../dispute-types';
import {
  argmax,
  NaiveBayesScorer,
  softmax,
  trainNaiveBayes,
  type NaiveBayesCore,
  type NaiveBayesModel,
  type RuleStats,
  type TokenisedExample,
  type TrainOptions,
  type TypeMetrics,
} from '../naive-bayes';
import { DISPUTE_RULES, matchRules } from '../rules';
import { tokenize } from '../tokenizer';

const FOLDS = 5;
const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 1];
// Fixed precision keeps model.json small and its diffs readable; 1e-4 in log space is far below noise.
const DECIMALS = 4;

// This file runs from src/classification/training (tests, ts tooling) or dist/classification/training:
// three levels up is apps/dispatch either way.
const APP_ROOT = resolve(__dirname, '..', '..', '..');
export const DATASET_PATH = join(APP_ROOT, 'src', 'classification', 'training', 'disputes.tsv');
const SRC_MODEL_PATH = join(APP_ROOT, 'src', 'classification', 'model.json');

export interface TrainingInput {
  dataset: LabelledExample[];
  corrections: LabelledExample[];
}

export interface TrainingResult {
  model: NaiveBayesModel;
  report: string[];
}

function round(value: number, decimals = DECIMALS): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function meanNll(scores: number[][], labels: number[], temperature: number): number {
  let total = 0;
  scores.forEach((s, i) => {
    total -= Math.log(Math.max(softmax(s, temperature)[labels[i]], 1e-12));
  });
  return total / scores.length;
}

interface CvResult {
  options: TrainOptions;
  accuracy: number;
  nll: number;
  /** Out-of-fold log-joint scores, for the temperature fit. */
  scores: number[][];
  labels: number[];
}

interface CvExample {
  disputeType: TokenisedExample['disputeType'];
  tokens: string[];
  fold: number;
}

function crossValidate(examples: readonly CvExample[], options: TrainOptions): CvResult {
  const scores: number[][] = [];
  const labels: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const scorer = new NaiveBayesScorer(
      trainNaiveBayes(
        examples.filter((e) => e.fold !== fold),
        options,
      ),
    );
    for (const e of examples) {
      if (e.fold !== fold) continue;
      scores.push(scorer.logJoint(e.tokens));
      labels.push(DISPUTE_TYPE_CODES.indexOf(e.disputeType));
    }
  }
  const correct = scores.filter((s, i) => argmax(s) === labels[i]).length;
  return { options, accuracy: correct / scores.length, nll: meanNll(scores, labels, 1), scores, labels };
}

/** Temperature minimising the out-of-fold negative log-likelihood (log-spaced grid, 0.5 .. 100). */
function fitTemperature(scores: number[][], labels: number[]): { temperature: number; nll: number } {
  let best = { temperature: 1, nll: meanNll(scores, labels, 1) };
  for (let step = 0; step <= 240; step++) {
    const temperature = 0.5 * Math.exp((step / 240) * Math.log(200));
    const nll = meanNll(scores, labels, temperature);
    if (nll < best.nll) best = { temperature, nll };
  }
  return { temperature: round(best.temperature, 3), nll: best.nll };
}

function modelVersion(core: NaiveBayesCore, temperature: number): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([core.vocabulary, core.logPriors, core.logLikelihoods, temperature]))
    .digest('hex');
  return `nb1-${hash.slice(0, 12)}`;
}

/**
 * Merges corrections into the training data. A correction of a shipped example replaces its label;
 * one whose text is in the held-out split is skipped, or the evaluation would be tested on training data.
 */
function mergeCorrections(
  train: LabelledExample[],
  heldOut: LabelledExample[],
  corrections: LabelledExample[],
): { train: LabelledExample[]; used: number; relabelled: number; skippedHeldOut: number } {
  const heldOutKeys = new Set(heldOut.map((e) => textKey(e.text)));
  const byKey = new Map(train.map((e) => [textKey(e.text), e]));
  let used = 0;
  let relabelled = 0;
  let skippedHeldOut = 0;
  for (const correction of corrections) {
    const key = textKey(correction.text);
    if (heldOutKeys.has(key)) {
      skippedHeldOut += 1;
      continue;
    }
    const shipped = byKey.get(key);
    if (shipped !== undefined && shipped.disputeType !== correction.disputeType) relabelled += 1;
    byKey.set(key, correction); // the last correction of a text wins
    used += 1;
  }
  return { train: [...byKey.values()], used, relabelled, skippedHeldOut };
}

function pad(value: string | number, width: number): string {
  return String(value).padEnd(width);
}

export function trainDisputeModel(input: TrainingInput): TrainingResult {
  const report: string[] = [];
  const split = splitExamples(input.dataset);
  const merged = mergeCorrections(split.train, split.heldOut, input.corrections);
  const train = merged.train.map((example) => ({ example, tokens: tokenize(example.text) }));
  const heldOut = split.heldOut.map((example) => ({ example, tokens: tokenize(example.text) }));

  report.push('Dispute type classifier: training report');
  report.push(
    `  data: ${input.dataset.length} labelled examples (disputes.tsv), ${input.corrections.length} corrections ` +
      `(${merged.used} used, ${merged.relabelled} change a shipped example's label, ${merged.skippedHeldOut} skipped: text in held-out split)`,
  );
  report.push(
    `  split (seed ${SPLIT_SEED}, ${HELD_OUT_PERCENT}% held out by text hash): ` +
      `${train.length} train / ${heldOut.length} held-out`,
  );

  // Hyper-parameters by cross-validation on the training split only; ties go to the lower NLL.
  const cvExamples = train.map((e): CvExample => ({
    disputeType: e.example.disputeType,
    tokens: e.tokens,
    fold: foldOf(e.example.text, FOLDS),
  }));
  const candidates = ALPHAS.flatMap((alpha) =>
    [true, false].map((binary) => crossValidate(cvExamples, { alpha, binary })),
  );
  const best = candidates.reduce((a, b) =>
    b.accuracy > a.accuracy || (b.accuracy === a.accuracy && b.nll < a.nll) ? b : a,
  );
  const { temperature, nll } = fitTemperature(best.scores, best.labels);
  report.push(
    `  ${FOLDS}-fold CV on train: alpha=${best.options.alpha} binary=${best.options.binary} ` +
      `accuracy=${best.accuracy.toFixed(3)}; temperature=${temperature} (out-of-fold NLL ${best.nll.toFixed(3)} -> ${nll.toFixed(3)})`,
  );

  const trained = trainNaiveBayes(
    train.map((e): TokenisedExample => ({ disputeType: e.example.disputeType, tokens: e.tokens })),
    best.options,
  );
  // Round before evaluating, so the reported accuracy is that of the file actually written.
  const core: NaiveBayesCore = {
    ...trained,
    logPriors: trained.logPriors.map((v) => round(v)),
    logLikelihoods: trained.logLikelihoods.map((row) => row.map((v) => round(v))),
  };

  const ruleStats: Record<string, RuleStats> = {};
  for (const rule of DISPUTE_RULES) ruleStats[rule.name] = { hits: 0, correct: 0 };
  for (const { example } of train) {
    for (const rule of matchRules(example.text.normalize('NFKC'))) {
      ruleStats[rule.name].hits += 1;
      if (rule.disputeType === example.disputeType) ruleStats[rule.name].correct += 1;
    }
  }

  const perType: Record<string, number> = {};
  for (const code of DISPUTE_TYPE_CODES) perType[code] = 0;
  for (const { example } of train) perType[example.disputeType] += 1;

  const model: NaiveBayesModel = {
    format: 'fengqiao-dispute-nb',
    formatVersion: 1,
    version: modelVersion(core, temperature),
    trainedAt: new Date().toISOString(),
    ...core,
    temperature,
    counts: {
      trainExamples: train.length,
      heldOutExamples: heldOut.length,
      correctionsUsed: merged.used,
      perType,
      vocabulary: core.vocabulary.length,
    },
    evaluation: { heldOutAccuracy: 0, heldOutAccuracyWithRules: 0, perType: {} },
    rules: ruleStats,
  };

  const classifier = new DisputeClassifier(model);
  const evaluation = evaluate(classifier, heldOut);
  model.evaluation = evaluation.metrics;

  report.push(`  vocabulary: ${core.vocabulary.length} tokens; model version ${model.version}`);
  report.push('');
  report.push(
    `Held-out accuracy (n=${heldOut.length}): model alone ${evaluation.metrics.heldOutAccuracy.toFixed(3)}, ` +
      `model + rules ${evaluation.metrics.heldOutAccuracyWithRules.toFixed(3)}`,
  );
  report.push('');
  report.push(`${pad('type', 22)}${pad('precision', 11)}${pad('recall', 8)}n`);
  for (const code of DISPUTE_TYPE_CODES) {
    const m = evaluation.metrics.perType[code];
    report.push(
      `${pad(code, 22)}${pad(m.precision.toFixed(3), 11)}${pad(m.recall.toFixed(3), 8)}${m.support}`,
    );
  }
  report.push('');
  report.push('Top confusions on held-out (true -> suggested: count):');
  if (evaluation.confusions.length === 0) report.push('  none');
  for (const c of evaluation.confusions.slice(0, 10)) {
    report.push(`  ${c.expected} -> ${c.actual}: ${c.count}  e.g. ${c.example}`);
  }
  report.push('');
  report.push('Rules on the training split (hits, precision):');
  for (const rule of DISPUTE_RULES) {
    const s = ruleStats[rule.name];
    const precision = s.hits === 0 ? '-' : (s.correct / s.hits).toFixed(3);
    report.push(`  ${pad(rule.name, 32)}${pad(rule.effect, 10)}${pad(s.hits, 6)}${precision}`);
  }
  return { model, report };
}

interface Evaluation {
  metrics: NaiveBayesModel['evaluation'];
  confusions: { expected: string; actual: string; count: number; example: string }[];
}

export function evaluate(
  classifier: DisputeClassifier,
  examples: { example: LabelledExample; tokens: string[] }[],
): Evaluation {
  let modelCorrect = 0;
  let fullCorrect = 0;
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();
  const confusions = new Map<string, { expected: string; actual: string; count: number; example: string }>();
  for (const { example, tokens } of examples) {
    if (DISPUTE_TYPE_CODES[argmax(classifier.modelPosterior(tokens))] === example.disputeType)
      modelCorrect += 1;
    const actual = classifier.suggest(example.text).disputeType;
    support.set(example.disputeType, (support.get(example.disputeType) ?? 0) + 1);
    predicted.set(actual, (predicted.get(actual) ?? 0) + 1);
    if (actual === example.disputeType) {
      fullCorrect += 1;
      tp.set(actual, (tp.get(actual) ?? 0) + 1);
    } else {
      const key = `${example.disputeType}>${actual}`;
      const entry = confusions.get(key) ?? {
        expected: example.disputeType,
        actual,
        count: 0,
        example: example.text,
      };
      entry.count += 1;
      confusions.set(key, entry);
    }
  }
  const perType: Record<string, TypeMetrics> = {};
  for (const code of DISPUTE_TYPE_CODES) {
    const hits = tp.get(code) ?? 0;
    const p = predicted.get(code) ?? 0;
    const n = support.get(code) ?? 0;
    perType[code] = {
      precision: round(p === 0 ? 0 : hits / p, 3),
      recall: round(n === 0 ? 0 : hits / n, 3),
      support: n,
    };
  }
  const total = Math.max(examples.length, 1);
  return {
    metrics: {
      heldOutAccuracy: round(modelCorrect / total, 3),
      heldOutAccuracyWithRules: round(fullCorrect / total, 3),
      perType,
    },
    confusions: [...confusions.values()].sort(
      (a, b) => b.count - a.count || a.expected.localeCompare(b.expected),
    ),
  };
}

/**
 * model.json is checked by `prettier --check .` with the rest of the repo, so it is written the way
 * prettier would print it. prettier is a dev dependency: where it is absent, compact JSON is written.
 */
async function formatJson(json: string, path: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(path)) ?? {};
    return await prettier.format(json, { ...config, filepath: path });
  } catch {
    console.warn('prettier not available: model.json written unformatted (run `npx prettier --write` on it)');
    return `${json}\n`;
  }
}

function parseArgs(argv: string[]): { corrections?: string } {
  const args: { corrections?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--corrections' && argv[i + 1] !== undefined) {
      args.corrections = resolve(process.cwd(), argv[++i]);
    } else if (arg.startsWith('--corrections=')) {
      args.corrections = resolve(process.cwd(), arg.slice('--corrections='.length));
    } else {
      throw new Error(`Unknown argument "${arg}". Usage: train.js [--corrections corrections.tsv]`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataset = readTsv(DATASET_PATH);
  for (const r of dataset.rejected) console.warn(`disputes.tsv line ${r.line} skipped: ${r.reason}`);
  let corrections: LabelledExample[] = [];
  if (args.corrections !== undefined) {
    if (!existsSync(args.corrections)) throw new Error(`Corrections file not found: ${args.corrections}`);
    const parsed = readTsv(args.corrections);
    for (const r of parsed.rejected) console.warn(`corrections line ${r.line} skipped: ${r.reason}`);
    corrections = parsed.examples;
  }

  const started = Date.now();
  const { model, report } = trainDisputeModel({ dataset: dataset.examples, corrections });
  const json = await formatJson(JSON.stringify(model), SRC_MODEL_PATH);

  // The dist copy (when running from dist) lets a deployed build use the new model without recompiling.
  const targets = [SRC_MODEL_PATH, resolve(__dirname, '..', 'model.json')];
  const written = [...new Set(targets)].filter((path) => existsSync(dirname(path)));
  for (const path of written) writeFileSync(path, json);

  report.push('');
  report.push(
    `Wrote model ${model.version} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB, ` +
      `trained in ${((Date.now() - started) / 1000).toFixed(1)} s) to ${written.map((p) => relative(process.cwd(), p)).join(', ')}`,
  );
  console.log(report.join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
