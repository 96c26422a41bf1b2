import { Logger, type ArgumentsHost } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import { conflict } from '@fengqiao/errors';
import { RpcErrorFilter } from './errors';

const host = {
  getType: () => 'rpc',
  switchToRpc: () => ({ getContext: () => undefined }),
} as unknown as ArgumentsHost;

// The filter logs what it hides; the test only looks at what the caller gets.
beforeAll(() => Logger.overrideLogger(false));

describe('RpcErrorFilter', () => {
  it('sends an expected failure to the caller as its ErrorBody', async () => {
    const sent = lastValueFrom(new RpcErrorFilter().catch(conflict('already accepted', '已签收'), host));
    await expect(sent).rejects.toEqual({
      status: 409,
      code: 'CONFLICT',
      message: 'already accepted',
      messageZh: '已签收',
    });
  });

  it('turns anything else into a 500 body without the error text or a stack', async () => {
    const sent = lastValueFrom(new RpcErrorFilter().catch(new Error('password=hunter2 at db.ts:12'), host));
    const body = await sent.catch((e: unknown) => e);
    expect(body).toEqual({
      status: 500,
      code: 'INTERNAL',
      message: 'Internal error; it has been logged',
      messageZh: '系统内部错误，已记录',
    });
  });
});
