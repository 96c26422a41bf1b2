import { Catch, Logger, ValidationPipe, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { HubError, internalError, toFieldProblems, validationFailed, type ErrorBody } from '@fengqiao/errors';

/** The validation every input goes through: unknown fields rejected, each bad field named in zh and en. */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => validationFailed(toFieldProblems(errors)),
  });
}

/** Maps anything a message handler throws to the ErrorBody the caller receives; never leaks a stack. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    let body: ErrorBody;
    if (exception instanceof HubError) {
      body = exception.toBody();
    } else {
      const pattern =
        host.getType() === 'rpc' ? String(host.switchToRpc().getContext()?.getSubject?.() ?? '') : '';
      this.logger.error({ err: exception, subject: pattern }, 'unexpected error in message handler');
      body = internalError().toBody();
    }
    return throwError(() => body);
  }
}
