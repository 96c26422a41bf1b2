// Chinese segmentation for the dispute classifier, on jieba-wasm (jieba-rs compiled to wasm, shipped inside
// the npm package: no native binary, no install-time download).
//
// Importing jieba-wasm only instantiates the wasm module (~15 ms); jieba builds its dictionary on the first
// cut (~300 ms), so that cost is paid once per process, on first use, via `ensureTokenizer()`.
import { add_word, cut } from 'jieba-wasm';

// Domain terms jieba's general dictionary splits apart, and which carry the class signal only when whole
// (e.g. 安置/房 would drop the expropriation-specific 安置房). Kept short on purpose: every word added
// changes segmentation elsewhere, and the model is trained on what this list produces.
const DOMAIN_WORDS: readonly string[] = ['安置房', '维修基金', '维修资金', '套路贷', '校园欺凌'];

// Single characters that are class evidence on their own (撞 → traffic, 借 → lending, 租 → tenancy …);
// every other single character is too ambiguous to be worth a feature.
const SIGNIFICANT_CHARS: ReadonlySet<string> = new Set([...'车撞借租欠打药狗猫树']);

// Words present in every kind of case description (procedure, pronouns, connectives, time words,
// "纠纷" itself): they add noise, not signal, to a bag-of-words model.
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    '一个 一些 一直 一方 一名 一起 不了 不是 不能 不愿 不肯 也是 了解 事情 事件 人员 他们 以后 以来 以前 ' +
    '但是 你们 再次 出现 分别 到了 双方 反映 发生 另一方 只是 可以 各自 后来 因为 因此 多次 她们 如何 ' +
    '对方 就是 已经 并且 我们 所以 时候 是否 没有 然后 现在 由于 目前 相关 称其 纠纷 自己 认为 这个 ' +
    '这样 还是 那个 问题 随后 需要 非常 当事人 申请人 被申请人 同意 不同意 之前 之后 当时 今年 去年 ' +
    '前年 今天 昨天 结果 还要 说是 表示'
  ).split(' '),
);

// Amounts, durations and counts (三个, 一年多, 两万多元, 十几万) vary from case to case of every type.
const QUANTITY =
  /^[零一二两三四五六七八九十百千万亿几半多余\d.]+(?:个月|个|年|月|天|日|周|次|岁|元|块|倍|亩|米|人|名|户|家|层|楼|多|余|万|千|百)*$/u;

// Anonymised party names (王某, 李某某, and jieba's splits of them such as 某家) say nothing about the
// dispute type; 某 is otherwise only in vague words (某些) that are no signal either.
const PARTY_NAME = /某/u;
const HAS_HAN = /\p{Script=Han}/u;
// Latin acronyms registrars do use (ICU, 4S, KTV) are kept; bare numbers (amounts, dates) are not.
const LATIN_TERM = /^(?=.*[a-z])[a-z0-9]{2,}$/i;

let ready = false;

/** Loads the dictionary once per process. Called implicitly by `segment`/`tokenize`; call it at start-up
 * to move the ~300 ms out of the first request. */
export function ensureTokenizer(): void {
  if (ready) return;
  for (const word of DOMAIN_WORDS) add_word(word);
  cut('预热', true);
  ready = true;
}

/** Raw jieba segmentation (HMM on for unknown words such as names), punctuation and spaces included. */
export function segment(text: string): string[] {
  ensureTokenizer();
  return cut(text, true);
}

/** True when a segmented word is worth a model feature. */
export function isFeatureWord(word: string): boolean {
  if (!HAS_HAN.test(word)) return LATIN_TERM.test(word);
  if (word.length === 1) return SIGNIFICANT_CHARS.has(word);
  if (STOPWORDS.has(word) || PARTY_NAME.test(word) || QUANTITY.test(word)) return false;
  return true;
}

/** Feature tokens of a description: segmented, normalised to NFKC, stopwords/punctuation/names dropped. */
export function tokenize(text: string): string[] {
  const normalised = text.normalize('NFKC').trim();
  if (normalised.length === 0) return [];
  return segment(normalised)
    .filter(isFeatureWord)
    .map((word) => word.toLowerCase());
}
