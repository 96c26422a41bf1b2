import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { HubProcesses } from './hub';

/**
 * `npm start`'s last step: runs every service, waits for /health, prints the URLs, and on
 * Ctrl-C / SIGTERM stops them gracefully.
 */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => done(true)));
  });
}

async function main() {
  const repoRoot = resolve(__dirname, '../../..');
  const port = Number(process.env.PORT ?? 3000);
  const logDir = resolve(repoRoot, '.data/logs');
  const env: Record<string, string> = {};
  for (const key of ['DATABASE_URL', 'NATS_URL', 'LOG_LEVEL'])
    if (process.env[key]) env[key] = process.env[key]!;
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} is already in use (another hub?): stop it, or run with PORT=<free port> npm start`,
    );
  }
  const hub = new HubProcesses({ repoRoot, env, logDir, port });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping the hub…\n');
    await hub.stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await hub.startAll(90000);
  process.stdout.write(
    [
      '',
      '枫桥 Hub is running.',
      `  API:        ${hub.baseUrl}/api/v1`,
      `  API docs:   ${hub.baseUrl}/api/docs`,
      `  Health:     ${hub.baseUrl}/health`,
      `  Logs:       ${logDir}/<service>.log`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((e: Error) => {
  process.stderr.write(`could not start the hub: ${e.message}\n`);
  process.exit(1);
});
