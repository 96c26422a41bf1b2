'use strict';
// The whole hub on a scratch database with the demo city and its users: what a benchmark that
// goes through the gateway starts from. Everything it starts is stopped or dropped by `cleanup`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const env = require('./env');

/** Checks every service is built; throws with the build command otherwise. */
function assertHubBuilt(HUB_SERVICES) {
  const unbuilt = HUB_SERVICES.filter((s) => !existsSync(join(env.REPO_ROOT, 'apps', s, 'dist', 'main.js')));
  if (unbuilt.length)
    throw new Error(
      `not built: ${unbuilt.join(', ')}; build the hub first: npx turbo run build --output-logs=errors-only`,
    );
}

/**
 * Creates the scratch database, seeds the demo city (dispatch) and users (identity), starts every
 * service as a real process and waits for /health. Returns { dbUrl, database, hub }.
 */
async function startDemoHub({ baseUrl, natsUrl, logDir, cleanup, keepDatabase, hubEnv = {}, log }) {
  const { createScratchDatabase } = env.requireBuilt('@fengqiao/database');
  const { HubProcesses, HUB_SERVICES } = env.requireBuilt('@fengqiao/hub-process');
  assertHubBuilt(HUB_SERVICES);

  const db = await createScratchDatabase(baseUrl, 'fq_bench').catch((e) => {
    throw new Error(`cannot create a scratch database next to ${baseUrl}: ${e.message}`);
  });
  const database = new URL(db.url).pathname.slice(1);
  cleanup.add('drop the scratch database', async () => {
    if (keepDatabase) return log(`kept the scratch database ${database}`);
    await db.drop();
  });
  log(`scratch database ${database}`);

  let seedChild = null;
  cleanup.add('stop the seed', async () => seedChild?.exitCode === null && seedChild.kill('SIGKILL'));
  for (const [script, logName] of [
    ['apps/dispatch/dist/seed/seed-demo-city.cli.js', 'seed.log'],
    ['apps/identity/dist/seed/seed-demo-users.cli.js', 'seed-users.log'],
  ]) {
    const out = await env.runNode(
      script,
      [],
      { DATABASE_URL: db.url, NATS_URL: natsUrl, LOG_LEVEL: 'warn' },
      join(logDir, logName),
      (c) => (seedChild = c),
    );
    log(out.split('\n').pop());
  }

  const port = await env.freePort();
  const hub = new HubProcesses({
    repoRoot: env.REPO_ROOT,
    // One client sends everything: lift the per-address limit that protects a real gateway.
    env: {
      DATABASE_URL: db.url,
      NATS_URL: natsUrl,
      LOG_LEVEL: 'warn',
      FQ_FAILPOINTS: '',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...hubEnv,
    },
    logDir,
    port,
  });
  let stopped = false;
  cleanup.add('stop the hub', async () => {
    if (stopped) return;
    stopped = true;
    await hub.stopAll();
  });
  log(`starting the hub on port ${port}`);
  const bootStart = Date.now();
  let abortTimer;
  try {
    await Promise.race([
      hub.startAll(120000),
      new Promise((_, rej) => {
        abortTimer = setInterval(() => cleanup.aborted && rej(new Error('interrupted')), 200);
      }),
    ]);
  } finally {
    clearInterval(abortTimer);
  }
  const bootSeconds = (Date.now() - bootStart) / 1000;
  return {
    dbUrl: db.url,
    database,
    hub,
    bootSeconds,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await hub.stopAll();
    },
  };
}

module.exports = { startDemoHub, assertHubBuilt };
