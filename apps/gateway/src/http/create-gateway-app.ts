import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory, Reflector } from '@nestjs/core';
import { accessTokenSecret } from '@fengqiao/access-token';
import { RevokedSessions } from '@fengqiao/messaging';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { inputValidationPipe } from '@fengqiao/service-runtime';
import { GatewayModule } from '../app.module';
import type { GatewayEnv } from '../config';
import { AccessGuard, assertEveryRouteHasARule } from './access';
import { rateLimit, RateLimiter, securityHeaders } from './hardening';
import { HttpErrorFilter } from './http-error.filter';

/** Builds the HTTP app (used by main.ts and by tests that listen on a random port). */
export async function createGatewayApp(config: GatewayEnv): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders);
  app.use(rateLimit(new RateLimiter(config.RATE_LIMIT_PER_MINUTE)));
  app.enableCors({
    origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',') : false,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
  });
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalGuards(
    new AccessGuard(app.get(Reflector), accessTokenSecret(config), app.get(RevokedSessions)),
  );
  assertEveryRouteHasARule(app);
  app.useGlobalPipes(inputValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.disable('x-powered-by');
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const doc = new DocumentBuilder()
    .setTitle('枫桥 Hub API')
    .setDescription(
      '矛盾纠纷多元化解: cases, referrals (派单) and agency inboxes. Errors: { error: { status, code, message, messageZh, fields? } }',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
