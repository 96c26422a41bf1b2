'use strict';
// Signed NATS request-reply to a hub service, as the gateway sends it (RpcClient from
// @fengqiao/messaging with the actor-signing key), and waiting for a service's health subject.

/**
 * A Nest NATS ClientProxy wrapped in the hub's RpcClient, signing like the gateway. Every request
 * goes to `service` as `actor`.
 */
async function connectRpc(natsUrl, timeoutMs, signingKey, { service = 'dispatch', actor, name = 'bench' }) {
  const { ClientProxyFactory, Transport } = require('@nestjs/microservices');
  const { RpcClient } = require('@fengqiao/messaging');
  // Nest's client logs connection status lines to stdout; the report is the output here.
  require('@nestjs/common').Logger.overrideLogger(false);
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: natsUrl.split(','), name },
  });
  await proxy.connect();
  const rpc = new RpcClient(proxy, timeoutMs, signingKey);
  return {
    request: (subject, body) => rpc.request(service, subject, actor, body),
    close: () => proxy.close(),
  };
}

/** Polls a health subject until it reports up; fails early if the process died. */
async function waitHealthy(rpc, subject, { timeoutMs, alive, shouldStop, what = 'dispatch' }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${what} exited while booting (${last})`);
    if (shouldStop()) throw new Error('interrupted');
    try {
      const r = await rpc.request(subject, {});
      if (r?.status === 'up') return;
      last = JSON.stringify(r);
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not healthy after ${timeoutMs / 1000} s: ${last}`);
}

module.exports = { connectRpc, waitHealthy };
