'use strict';
// Everything a hub benchmark needs around it: a scratch database seeded with the demo city, the
// real hub as OS processes on a free port, a guard against another hub on the same NATS, and a
// cleanup that runs on success, on error and on Ctrl-C.
const { spawn } = require('node:child_process');
const { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const { join, resolve } = require('node:path');

const REPO_ROOT = resolve(__dirname, '../..');
const RESULTS_DIR = resolve(__dirname, '../results');

/**
 * require() of a built workspace package or dist file, with a hint to build when it is missing.
 * Benchmarks load these inside main() so `--help` works without a build.
 */
function requireBuilt(what) {
  try {
    return require(what);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error(
      `${e.message.split('\n')[0]}\nbuild the hub first: npx turbo run build --output-logs=errors-only`,
    );
  }
}

/** 2025-11-23T19-40-05Z: sortable and safe in file names. */
const stamp = (d = new Date()) => d.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z';

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * A throwaway nats-server with JetStream on a free port and a temporary store, for a run that
 * shares nothing with other hubs. Binary: NATS_SERVER_BIN or the usual install paths.
 */
async function startPrivateNats(logFile) {
  const { mkdtempSync, rmSync } = require('node:fs');
  const bin = [
    process.env.NATS_SERVER_BIN,
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
    '/usr/local/bin/nats-server',
  ].find((b) => b && existsSync(b));
  if (!bin) throw new Error('--private-nats: no nats-server binary found (set NATS_SERVER_BIN)');
  const port = await freePort();
  const storeDir = mkdtempSync(join(os.tmpdir(), 'fq-bench-nats-'));
  const child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir, '-l', logFile], {
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  const deadline = Date.now() + 10000;
  for (;;) {
    const up = await new Promise((r) => {
      const sock = net.connect({ host: '127.0.0.1', port }, () => (sock.destroy(), r(true)));
      sock.once('error', () => r(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`nats-server did not start on ${port}; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** Cleanup steps run once, last registered first, whatever ends the run. */
class Cleanup {
  constructor() {
    this.steps = [];
    this.running = null;
    this.signals = 0;
    /** Set on Ctrl-C / SIGTERM: loops that make load check it and stop. */
    this.aborted = false;
    this.onSignal = (sig) => {
      this.signals += 1;
      this.aborted = true;
      if (this.signals > 2) {
        process.stderr.write(`\n${sig} again: exiting without finishing the cleanup\n`);
        process.exit(130);
      }
      process.stderr.write(
        `\n${sig}: stopping the hub and dropping the scratch database (Ctrl-C twice more to abandon)…\n`,
      );
      this.run().finally(() => process.exit(130));
    };
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  add(label, fn) {
    this.steps.push({ label, fn });
  }

  run() {
    if (!this.running) {
      this.running = (async () => {
        for (const { label, fn } of this.steps.reverse()) {
          try {
            await fn();
          } catch (e) {
            process.stderr.write(`cleanup: ${label} failed: ${e.message}\n`);
          }
        }
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
      })();
    }
    return this.running;
  }
}

/** Runs a node script to completion with its output in a log file; rejects with the output's tail. */
function runNode(script, args, env, logFile, track) {
  return new Promise((res, rej) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    let tail = '';
    const child = spawn(process.execPath, [script, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track?.(child);
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        log.write(d);
        tail = (tail + d).slice(-2000);
      });
    }
    child.once('error', rej);
    child.once('exit', (code, signal) => {
      log.end();
      if (code === 0) res(tail.trim());
      else rej(new Error(`${script} exited with ${signal ?? code}:\n${tail.trim()}`));
    });
  });
}

/**
 * Asks each service's health subject on NATS whether anybody answers. Another hub on the same
 * NATS shares the queue groups and the durable consumers, so it would take part of our load.
 */
async function otherHubsOnNats(natsUrl, subjects) {
  const { connect } = require('@nats-io/transport-node');
  const nc = await connect({ servers: natsUrl.split(','), name: 'bench-probe', timeout: 5000 });
  try {
    const answered = [];
    for (const subject of subjects) {
      const payload = JSON.stringify({
        pattern: subject,
        data: { actor: { id: 'bench', name: 'bench', role: 'bench' }, body: {} },
        id: 'bench-probe',
      });
      try {
        await nc.request(subject, payload, { timeout: 1500 });
        answered.push(subject);
      } catch (e) {
        const text = `${e.code ?? ''} ${e.name ?? ''} ${e.message ?? ''}`.toLowerCase();
        if (!(text.includes('503') || text.includes('no responders')))
          answered.push(`${subject} (${e.message})`);
      }
    }
    return { answered, serverVersion: nc.info?.version ?? null };
  } finally {
    await nc.close();
  }
}

/** Pending + unacknowledged messages of durable consumers on a stream (null when missing). */
async function consumerBacklog(natsUrl, stream, durables) {
  const { connect } = require('@nats-io/transport-node');
  const { jetstreamManager } = require('@nats-io/jetstream');
  const nc = await connect({ servers: natsUrl.split(','), name: 'bench-backlog', timeout: 5000 });
  try {
    const jsm = await jetstreamManager(nc);
    const out = {};
    for (const d of durables) {
      const info = await jsm.consumers.info(stream, d).catch(() => null);
      out[d] = info ? info.num_pending + info.num_ack_pending : null;
    }
    return out;
  } finally {
    await nc.close();
  }
}

/** CPU seconds (user + system) of processes, read from /proc (Linux); null elsewhere. */
const CLK_TCK = 100;
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

/** Pids of processes with this command name whose command line passes `match` (Linux). */
function pidsByName(name, match = () => true) {
  const out = [];
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== name) continue;
        if (match(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'))) out.push(Number(pid));
      } catch {
        continue;
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/** CPU seconds the whole machine spent busy (all cores, from /proc/stat), or null. */
function machineBusySeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / CLK_TCK;
  } catch {
    return null;
  }
}

/**
 * What went wrong in the hub's logs: pino lines at warn (40) or above, and lines that are not
 * JSON at all (stack traces, boot failures). Returns per-file counts and the distinct messages.
 */
function scanLogs(logDir) {
  const out = {};
  if (!existsSync(logDir)) return out;
  for (const file of readdirSync(logDir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    const counts = { warn: 0, error: 0, fatal: 0, other: 0 };
    const messages = new Map();
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let level = 'other';
      let msg = line;
      try {
        const j = JSON.parse(line);
        if (typeof j.level !== 'number' || j.level < 40) continue;
        level = j.level >= 60 ? 'fatal' : j.level >= 50 ? 'error' : 'warn';
        const err = j.err ?? j.error;
        msg = [
          j.context,
          j.msg,
          err?.message ?? (typeof err === 'string' ? err : null),
          err?.status && `status ${err.status}`,
        ]
          .filter(Boolean)
          .join(' | ');
      } catch {
        // not JSON: printed by something other than the logger (or nats-server's own log)
        if (/listening on|seeded|ready/i.test(line)) continue;
        const nats = /\[(INF|DBG|TRC|WRN|ERR|FTL)\]/.exec(line);
        if (nats) {
          if (nats[1] === 'INF' || nats[1] === 'DBG' || nats[1] === 'TRC') continue;
          level = nats[1] === 'WRN' ? 'warn' : nats[1] === 'ERR' ? 'error' : 'fatal';
          msg = line.replace(/^\[\d+\] \S+ \S+ /, '');
        }
      }
      counts[level] += 1;
      const key = `${level}: ${String(msg)
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<uuid>')
        .slice(0, 240)}`;
      messages.set(key, (messages.get(key) ?? 0) + 1);
    }
    if (counts.warn + counts.error + counts.fatal + counts.other > 0) {
      out[file] = {
        ...counts,
        distinct: [...messages]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([m, n]) => ({ n, message: m })),
      };
    }
  }
  return out;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Postgres version and the settings that decide the commit rate. */
async function postgresInfo(pool) {
  const { rows } = await pool.query(
    `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS synchronous_commit,
            current_setting('fsync') AS fsync, current_setting('shared_buffers') AS shared_buffers,
            current_setting('max_connections') AS max_connections, current_setting('wal_level') AS wal_level`,
  );
  return rows[0];
}

module.exports = {
  REPO_ROOT,
  RESULTS_DIR,
  requireBuilt,
  stamp,
  freePort,
  startPrivateNats,
  Cleanup,
  runNode,
  otherHubsOnNats,
  consumerBacklog,
  cpuSeconds,
  pidsByName,
  machineBusySeconds,
  scanLogs,
  machine,
  postgresInfo,
  mkdirp: (d) => mkdirSync(d, { recursive: true }),
};
