import type { INestMicroservice } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditInterceptor } from '@fengqiao/audit';
import { Logger } from 'nestjs-pino';
import { DrainingNatsServer, InFlightInterceptor, InFlightRequests } from './draining-nats-server';
import { inputValidationPipe, RpcErrorFilter } from './errors';
import { SignedRequestGuard } from './signed-request.guard';

export interface MicroserviceBootOptions {
  serviceName: string;
  natsServers: string[];
  /** The key the gateway signs requests with (actorSigningKey(config)). */
  signingKey: string;
  /** How long shutdown may take to finish in-flight work before the process exits anyway. */
  shutdownGraceMs?: number;
}

/**
 * Boots a NATS request-reply service in the queue group named after it, so replicas share the
 * load. SIGTERM/SIGINT, in this order: stop taking requests and let those in flight answer;
 * stop the durable consumers (the message in hand finishes) and the outbox relay; drain the
 * JetStream connection; close the Postgres pool; exit 0. (Nest's own shutdown hooks would stop
 * messaging before requests, so the signals are handled here.)
 */
export async function bootMicroservice(
  module: unknown,
  options: MicroserviceBootOptions,
): Promise<INestMicroservice> {
  const inFlight = new InFlightRequests();
  const server = new DrainingNatsServer(
    {
      servers: options.natsServers,
      queue: options.serviceName,
      name: `${options.serviceName}-rpc`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    },
    inFlight,
    options.shutdownGraceMs ?? 10000,
  );
  const app = await NestFactory.createMicroservice(module as never, { strategy: server, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalInterceptors(
    new InFlightInterceptor(inFlight),
    new AuditInterceptor(app.get(DataSource), app.get(Reflector)),
  );
  app.useGlobalGuards(new SignedRequestGuard(options.signingKey));
  app.useGlobalPipes(inputValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  const logger = app.get(Logger);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    // A shutdown that cannot finish must not leave a half-dead replica behind.
    setTimeout(() => process.exit(1), (options.shutdownGraceMs ?? 10000) + 15000).unref();
    try {
      await server.close();
      await app.close();
      process.exit(0);
    } catch (e) {
      logger.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void shutdown(s));
  logger.log(`${options.serviceName} ready`);
  return app;
}

/** Exits with the config or boot error printed plainly (not as a stack) so an operator can fix it. */
export function exitOnBootFailure(serviceName: string) {
  return (error: Error) => {
    process.stderr.write(`${serviceName} failed to start: ${error.message}\n`);
    process.exit(1);
  };
}
