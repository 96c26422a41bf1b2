import { Logger, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { unprocessable } from '@fengqiao/errors';
import { HttpErrorFilter } from './http-error.filter';

function respond(exception: unknown): { status: number; body: any } {
  const out = { status: 0, body: undefined as any };
  const response = {
    status(code: number) {
      out.status = code;
      return this;
    },
    json(body: unknown) {
      out.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return out;
}

// The filter logs what it hides; the test only looks at what the caller gets.
beforeAll(() => Logger.overrideLogger(false));

describe('HttpErrorFilter', () => {
  it('answers a HubError with its status and body', () => {
    const r = respond(unprocessable('agencyId', 'no such agency', '单位不存在'));
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: 'UNPROCESSABLE',
      fields: [{ field: 'agencyId', reasonZh: '单位不存在' }],
    });
  });

  it("puts the framework's own errors in the same shape", () => {
    expect(respond(new NotFoundException('Cannot GET /x')).body.error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      messageZh: '请求的资源不存在',
    });
    expect(respond(new PayloadTooLargeException()).body.error).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('never shows an unexpected error to the caller', () => {
    const r = respond(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('Cannot read');
  });
});
