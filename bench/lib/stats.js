'use strict';

/** Nearest-rank percentile of an ascending array (the same definition as SQL percentile_disc). */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** { n, p50, p99, max, mean } of a list of numbers (milliseconds here). */
function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return {
    n,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: n ? sorted[n - 1] : null,
    mean: n ? sorted.reduce((a, b) => a + b, 0) / n : null,
  };
}

module.exports = { percentile, summarize };
