'use strict';

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(s) {
  let w = 0;
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s, w, right) => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

/**
 * A plain-text table. columns: [{ title, align: 'left' | 'right' }]; rows: arrays of strings.
 * The first column is left-aligned unless told otherwise, the others right-aligned.
 */
function table(columns, rows, indent = '  ') {
  const cols = columns.map((c, i) => ({
    align: i === 0 ? 'left' : 'right',
    ...(typeof c === 'string' ? { title: c } : c),
  }));
  const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? '-' : String(v))));
  const widths = cols.map((c, i) => Math.max(width(c.title), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r) =>
    indent +
    r
      .map((v, i) => pad(v ?? '', widths[i], cols[i].align === 'right'))
      .join('  ')
      .trimEnd();
  return [
    line(cols.map((c) => c.title)),
    indent + widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

/** Fixed decimals, or '-' for nothing. */
const fmt = (v, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(digits);

module.exports = { table, fmt };
