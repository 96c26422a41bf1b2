'use strict';
// CPU seconds of the parts of a run, from /proc (Linux): the hub's service processes, the Postgres
// backends of the scratch database, the other Postgres processes, the private nats-server, this
// client, and everything else on the machine. Shared by routing and sla.
const env = require('./env');
const { table, fmt } = require('./table');

/**
 * CPU seconds so far. `processes` names the hub processes to follow: { dispatch: pid, … }.
 * `pool` is a pg Pool on the scratch database (its backends are "this database").
 */
async function cpuSnapshot(processes, natsPid, pool) {
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const ours = new Set(rows.map((r) => r.pid));
  const pg = { ours: {}, other: {} };
  for (const pid of env.pidsByName('postgres'))
    pg[ours.has(pid) ? 'ours' : 'other'][pid] = env.cpuSeconds(pid);
  const self = process.cpuUsage();
  return {
    processes: Object.fromEntries(
      Object.entries(processes).map(([name, pid]) => [name, pid ? env.cpuSeconds(pid) : null]),
    ),
    nats: natsPid ? env.cpuSeconds(natsPid) : null,
    pgOurs: pg.ours,
    pgOther: pg.other,
    client: (self.user + self.system) / 1e6,
    machine: env.machineBusySeconds(),
  };
}

/** The difference of two snapshots over `seconds`, per part, with CPU ms per unit of work. */
function cpuReport(a, b, seconds, units) {
  const sum = (after, before, isNew) =>
    Object.entries(after).reduce((acc, [pid, s]) => {
      if (s === null) return acc;
      const was = before[pid] ?? (isNew ? 0 : s);
      return acc + (s - was);
    }, 0);
  const groups = {};
  for (const [name, after] of Object.entries(b.processes)) {
    const before = a.processes[name];
    groups[name] = before !== null && before !== undefined && after !== null ? after - before : null;
  }
  groups['postgres: this database'] = sum(b.pgOurs, a.pgOurs, true);
  groups['postgres: other processes'] = sum(b.pgOther, a.pgOther, false);
  if (a.nats !== null && b.nats !== null) groups['nats-server (private)'] = b.nats - a.nats;
  groups['bench client'] = b.client - a.client;
  const tracked = Object.values(groups).reduce((x, y) => x + (y ?? 0), 0);
  if (a.machine !== null && b.machine !== null)
    groups['everything else on the machine'] = Math.max(0, b.machine - a.machine - tracked);
  return {
    windowSeconds: +seconds.toFixed(2),
    rows: Object.entries(groups).map(([process, s]) => ({
      process,
      cpuSeconds: s === null ? null : +s.toFixed(2),
      coresBusy: s === null ? null : +(s / seconds).toFixed(2),
      msPerRequest: s === null || !units ? null : +((s * 1000) / units).toFixed(2),
    })),
  };
}

/** The CPU table of a report: a title line, the warning about other load, the rows and their sum. */
function renderCpu(title, c, cpus, perLabel = 'cpu ms per request') {
  const out = [`${title} (${c.windowSeconds} s; ${cpus} cores)`];
  const other = c.rows.find((x) => x.process === 'everything else on the machine');
  if (other && other.coresBusy > 0.25)
    out.push(
      `  WARNING: other processes kept ${fmt(other.coresBusy, 2)} cores busy meanwhile; these latencies are high, repeat on a quiet machine`,
    );
  const ours = c.rows.filter((x) => x.process !== 'everything else on the machine');
  const sum = (k) => ours.reduce((a, x) => a + (x[k] ?? 0), 0);
  out.push(
    table(
      ['process', 'cpu s', 'cores busy', perLabel],
      [
        ...c.rows.map((x) => [
          x.process,
          fmt(x.cpuSeconds, 2),
          fmt(x.coresBusy, 2),
          x.process === 'everything else on the machine' ? '' : fmt(x.msPerRequest, 2),
        ]),
        [
          'all of the above but "everything else"',
          fmt(sum('cpuSeconds'), 2),
          fmt(sum('coresBusy'), 2),
          fmt(sum('msPerRequest'), 2),
        ],
      ],
    ),
  );
  return out;
}

module.exports = { cpuSnapshot, cpuReport, renderCpu };
