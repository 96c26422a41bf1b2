import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { HubError, internalError, type ErrorBody, type ErrorCode } from '@fengqiao/errors';

const CODE_BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['VALIDATION_FAILED', '请求格式不正确'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['NOT_FOUND', '不支持该请求方法'],
  409: ['CONFLICT', '与当前状态冲突'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大'],
  422: ['UNPROCESSABLE', '请求内容无法处理'],
};

/** Framework errors (unknown route, malformed JSON, oversized body) in the hub's error shape. */
function fromHttpException(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const [code, messageZh] = CODE_BY_STATUS[status] ?? ['INTERNAL', '系统内部错误'];
  return { status, code, message: e.message, messageZh };
}

/** Every error leaves the gateway as `{ error: ErrorBody }`; a stack trace never does. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let body: ErrorBody;
    if (exception instanceof HubError) body = exception.toBody();
    else if (exception instanceof HttpException) body = fromHttpException(exception);
    else {
      this.logger.error({ err: exception }, 'unexpected error');
      body = internalError().toBody();
    }
    if (body.status >= 500) this.logger.warn({ error: body }, 'request failed');
    response.status(body.status).json({ error: body });
  }
}
