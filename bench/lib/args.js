'use strict';

/**
 * Parses `--name value`, `--name=value` and bare `--flag` against a spec:
 *   { cases: { type: 'int', default: 2000, help: '...' }, 'allow-shared-nats': { type: 'bool', ... } }
 * Returns camelCased keys. `--help` prints the options and returns null.
 */
function parseArgs(argv, spec, usage) {
  const out = {};
  for (const [name, s] of Object.entries(spec)) out[camel(name)] = s.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(helpText(spec, usage));
      return null;
    }
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !spec[m[1]]) throw new Error(`unknown option ${arg}\n${helpText(spec, usage)}`);
    const s = spec[m[1]];
    let raw = m[2];
    if (s.type === 'bool') {
      out[camel(m[1])] = raw === undefined ? true : !/^(0|false|no)$/i.test(raw);
      continue;
    }
    if (raw === undefined) raw = argv[++i];
    if (raw === undefined) throw new Error(`option --${m[1]} needs a value`);
    out[camel(m[1])] = convert(m[1], s, raw);
  }
  return out;
}

function convert(name, s, raw) {
  if (s.type === 'int' || s.type === 'number') {
    const v = Number(raw);
    if (!Number.isFinite(v) || (s.type === 'int' && !Number.isInteger(v)) || v < (s.min ?? -Infinity)) {
      throw new Error(
        `--${name} must be ${s.type === 'int' ? 'an integer' : 'a number'}${s.min !== undefined ? ` >= ${s.min}` : ''}, got ${raw}`,
      );
    }
    return v;
  }
  return raw;
}

function helpText(spec, usage) {
  const lines = [usage, '', 'options:'];
  for (const [name, s] of Object.entries(spec)) {
    const flag =
      s.type === 'bool'
        ? `--${name}`
        : `--${name} <${s.type === 'int' ? 'n' : s.type === 'number' ? 'x' : 'value'}>`;
    lines.push(
      `  ${flag.padEnd(28)} ${s.help}${s.default !== undefined && s.type !== 'bool' ? ` (default ${s.default})` : ''}`,
    );
  }
  return lines.join('\n');
}

const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

module.exports = { parseArgs };
