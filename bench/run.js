#!/usr/bin/env node
'use strict';
// `node run.js <bench> [options]`: runs bench/<bench>/index.js. A new bench is a new folder.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const [name, ...args] = process.argv.slice(2);
const benches = readdirSync(__dirname).filter((d) => existsSync(join(__dirname, d, 'index.js')));
if (!benches.includes(name)) {
  console.error(
    `usage: node run.js <${benches.join('|')}> [options]   (node run.js <bench> --help for its options)`,
  );
  process.exit(2);
}
require(`./${name}`)
  .main(args)
  .then((code) => process.exit(code ?? 0))
  .catch((e) => {
    console.error(`${name} failed: ${process.env.BENCH_DEBUG ? e?.stack : (e?.message ?? e)}`);
    process.exit(1);
  });
