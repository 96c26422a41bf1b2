import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
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
export async function bootMicroservice(module: unknown, options: MicroserviceBootOptions): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module as never, {
    transport: Transport.NATS,
    options: {
      servers: options.natsServers,
      queue: options.serviceName,
      name: `${options.serviceName}-rpc`,
      gracefulShutdown: true,
      gracePeriod: options.shutdownGraceMs ?? 10000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    },
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
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
