'use strict';
// Report blocks more than one benchmark prints: the machine, and the hub's log warnings.

/** The machine block: cpus, memory, os, node, Postgres settings and the nats-server in use. */
function renderMachine(m, privateNats) {
  const pg = m.postgres;
  const out = ['machine'];
  for (const [k, v] of [
    ['cpus', `${m.cpus} × ${m.cpuModel}`],
    ['memory', `${m.memoryGiB} GiB`],
    ['os', m.os],
    ['node', m.node],
    [
      'postgres',
      pg
        ? `${pg.version} (synchronous_commit=${pg.synchronous_commit}, fsync=${pg.fsync}, shared_buffers=${pg.shared_buffers}, autovacuum=${pg.autovacuum ?? '?'})`
        : '-',
    ],
    ['nats-server', `${m.nats ?? '-'}${privateNats ? ` (private, ${privateNats})` : ''}`],
  ])
    out.push(`  ${k.padEnd(12)} ${v}`);
  return out;
}

/** Every warning and error of the hub's logs (from env.scanLogs), per file with the commonest messages. */
function renderLogs(r) {
  const files = Object.entries(r.hubLogs ?? {});
  if (files.length === 0) return ['', `logs: no warnings or errors (${r.logDir}/)`];
  const out = ['', `logs: warnings and errors (${r.logDir}/)`];
  for (const [file, v] of files) {
    out.push(
      `  ${file}: ${v.fatal} fatal, ${v.error} error, ${v.warn} warn, ${v.other} other non-JSON line(s)`,
    );
    // Nest colours its own console lines; the report is plain text.
    for (const d of v.distinct.slice(0, 5))
      out.push(`    ${String(d.n).padStart(5)}× ${d.message.replace(/\x1b\[[0-9;]*m/g, '')}`);
  }
  return out;
}

module.exports = { renderMachine, renderLogs };
