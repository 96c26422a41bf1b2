import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DrainingNatsServer, InFlightInterceptor, InFlightRequests } from './draining-nats-server';
import { inputValidationPipe, RpcErrorFilter } from './errors';

export interface MicroserviceBootOptions {
  serviceName: string;
  natsServers: string[];
  /** How long shutdown may take to finish in-flight work before the process exits anyway. */
  shutdownGraceMs?: number;
}

/**
 * Boots a NATS request-reply service in the queue group named after it, so replicas share the
 * load. SIGTERM/SIGINT: stop taking requests, finish in-flight ones, drain consumers and the
 * relay, close the pool, exit.
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
  app.useGlobalInterceptors(new InFlightInterceptor(inFlight));
  app.useGlobalPipes(inputValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  app.get(Logger).log(`${options.serviceName} ready`);
  return app;
}

/** Exits with the config or boot error printed plainly (not as a stack) so an operator can fix it. */
export function exitOnBootFailure(serviceName: string) {
  return (error: Error) => {
    process.stderr.write(`${serviceName} failed to start: ${error.message}\n`);
    process.exit(1);
  };
}
