/** One offending input field, with the reason in both languages the console shows. */
export interface FieldProblem {
  field: string;
  reason: string;
  reasonZh: string;
}

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_REQUESTS'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

/** The stable error shape every HTTP response and every NATS reply uses. */
export interface ErrorBody {
  status: number;
  code: ErrorCode;
  message: string;
  messageZh: string;
  fields?: FieldProblem[];
}

/**
 * An expected failure with its HTTP status. Services throw it; it crosses NATS as an ErrorBody
 * and the gateway answers with the same status and body.
 */
export class HubError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly messageZh: string,
    public readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'HubError';
  }

  toBody(): ErrorBody {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  static fromBody(body: ErrorBody): HubError {
    return new HubError(body.status, body.code, body.message, body.messageZh, body.fields);
  }

  static isBody(value: unknown): value is ErrorBody {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.message === 'string';
  }
}

export const notFound = (what: string, whatZh: string, id: string) =>
  new HubError(404, 'NOT_FOUND', `${what} ${id} not found`, `${whatZh} ${id} 不存在`);

export const conflict = (message: string, messageZh: string) =>
  new HubError(409, 'CONFLICT', message, messageZh);

/** The caller is known but their role or scope does not allow this. */
export const forbidden = (message: string, messageZh: string) =>
  new HubError(403, 'FORBIDDEN', message, messageZh);

export const unprocessable = (field: string, reason: string, reasonZh: string) =>
  new HubError(422, 'UNPROCESSABLE', `${field}: ${reason}`, `${field}：${reasonZh}`, [
    { field, reason, reasonZh },
  ]);

/** Several problems with the data at once (each field with its reason), as one 422. */
export const unprocessableAll = (problems: FieldProblem[]) =>
  new HubError(
    422,
    'UNPROCESSABLE',
    problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems.map((p) => `${p.field}：${p.reasonZh}`).join('；'),
    problems,
  );

export const serviceUnavailable = (service: string, detail: string) =>
  new HubError(
    503,
    'SERVICE_UNAVAILABLE',
    `${service} did not answer (${detail}); try again shortly`,
    `${service} 服务暂时无响应（${detail}），请稍后重试`,
  );

export const internalError = () =>
  new HubError(500, 'INTERNAL', 'Internal error; it has been logged', '系统内部错误，已记录');
