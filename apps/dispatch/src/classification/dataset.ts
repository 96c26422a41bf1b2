// Labelled examples: reading the TSV files (the shipped training set and the coordinators' corrections)
// and the deterministic train / held-out split shared by the training script and the tests.
import { readFileSync } from 'node:fs';
import { isDisputeTypeCode, type DisputeTypeCode } from './dispute-types';

export interface LabelledExample {
  disputeType: DisputeTypeCode;
  text: string;
}

export interface ParsedTsv {
  examples: LabelledExample[];
  /** Lines that could not be used (unknown type code, missing text), with 1-based line numbers. */
  rejected: { line: number; reason: string }[];
}

/** Fixed seed: changing it reshuffles the held-out set and makes accuracies incomparable across versions. */
export const SPLIT_SEED = 'fengqiao-dispute-types-v1';
export const HELD_OUT_PERCENT = 20;

// PostgreSQL COPY (text format) and most TSV exporters escape these inside a field.
function unescapeField(field: string): string {
  return field.replace(/\\([\\tnr])/g, (_match, ch: string) => {
    if (ch === 't') return '\t';
    if (ch === 'n') return '\n';
    if (ch === 'r') return '\r';
    return '\\';
  });
}

/**
 * Parses `type<TAB>text` lines. Blank lines and `#` comments are skipped, as is a header line whose first
 * column is not a type code (e.g. `dispute_type`). Extra tabs are treated as part of the text, so an
 * unescaped tab in a description does not lose the rest of it.
 */
export function parseTsv(content: string): ParsedTsv {
  const examples: LabelledExample[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    const code = (tab < 0 ? raw : raw.slice(0, tab)).trim();
    const text = tab < 0 ? '' : unescapeField(raw.slice(tab + 1)).trim();
    if (!isDisputeTypeCode(code)) {
      if (lineNo === 1) return; // header
      rejected.push({ line: lineNo, reason: `unknown dispute type "${code}"` });
      return;
    }
    if (text === '') {
      rejected.push({ line: lineNo, reason: 'empty text' });
      return;
    }
    examples.push({ disputeType: code, text });
  });
  return { examples, rejected };
}

export function readTsv(path: string): ParsedTsv {
  return parseTsv(readFileSync(path, 'utf8'));
}

/** Whitespace-insensitive key, so that a correction of a shipped example is recognised as the same text. */
export function textKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

// FNV-1a, 32 bit: tiny, dependency-free and stable across Node versions and platforms.
function fnv1a(input: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(input, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Deterministic: the same text always lands on the same side, whatever the file order or other rows. */
export function isHeldOut(text: string): boolean {
  return fnv1a(`${SPLIT_SEED}\u0000${textKey(text)}`) % 100 < HELD_OUT_PERCENT;
}

/** Cross-validation fold (0..folds-1) of a training example; independent of the held-out split. */
export function foldOf(text: string, folds: number): number {
  return fnv1a(`${SPLIT_SEED}\u0000cv\u0000${textKey(text)}`) % folds;
}

export function splitExamples(examples: readonly LabelledExample[]): {
  train: LabelledExample[];
  heldOut: LabelledExample[];
} {
  const train: LabelledExample[] = [];
  const heldOut: LabelledExample[] = [];
  for (const example of examples) (isHeldOut(example.text) ? heldOut : train).push(example);
  return { train, heldOut };
}
