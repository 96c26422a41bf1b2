import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { LogLevel } from '@fengqiao/config';

/** Paths pino must never print: credentials and parties' personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.parties[*].idNumber',
  '*.parties[*].phone',
];

/** JSON logs to stdout, one line per event, with the service name on every line. */
export function loggerModule(serviceName: string, level: LogLevel): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      name: serviceName,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => req.url === '/health' },
      customProps: () => ({ service: serviceName }),
    },
  });
}
