'use strict';
// `--cpu-prof`: the dispatch replicas run with this file preloaded (NODE_OPTIONS=--require …; node
// refuses --cpu-prof itself in NODE_OPTIONS). SIGUSR2 starts the V8 CPU profiler, the next SIGUSR2
// stops it and writes <FQ_BENCH_CPU_PROF_DIR>/dispatch-<pid>-<n>.cpuprofile, so a profile covers
// exactly the burst. The benchmark reads the profiles back with `summarizeProfile`.
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

function installProfilerSignal() {
  const dir = process.env.FQ_BENCH_CPU_PROF_DIR;
  if (!dir) return;
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      n += 1;
      writeFileSync(join(dir, `dispatch-${process.pid}-${n}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}

/**
 * Where a profile's samples went: self time per function and per origin (a package under
 * node_modules, a workspace package or app, node's own code, the garbage collector, idle).
 */
function summarizeProfile(file, top = 15) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of p.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = p.samples.length;
  const ms = (p.endTime - p.startTime) / 1000;
  const perFn = new Map();
  const perOrigin = new Map();
  for (const [id, c] of counts) {
    const f = byId.get(id).callFrame;
    const origin = originOf(f);
    const name = `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    perFn.set(name, (perFn.get(name) ?? 0) + c);
    perOrigin.set(origin, (perOrigin.get(origin) ?? 0) + c);
  }
  const share = (c) => ({
    samples: c,
    ms: +((c / total) * ms).toFixed(1),
    percent: +((100 * c) / total).toFixed(1),
  });
  return {
    file,
    ms: +ms.toFixed(0),
    samples: total,
    origins: [...perOrigin].sort((a, b) => b[1] - a[1]).map(([origin, c]) => ({ origin, ...share(c) })),
    functions: [...perFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, c]) => ({ fn, ...share(c) })),
  };
}

function originOf(f) {
  if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f.functionName))
    return f.functionName;
  const url = f.url || '';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ws = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (url.startsWith('node:') || !url) return 'node (built-in)';
  return url;
}

const shortUrl = (url) =>
  (url || '')
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/(apps|packages)\//, '$1/');

if (process.env.FQ_BENCH_CPU_PROF_DIR && require.main !== module) installProfilerSignal();

module.exports = { summarizeProfile };
