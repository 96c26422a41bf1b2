import {
  Injectable,
  Logger,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { appendAudit } from './chain';

const AUDITED = 'fengqiao:audited';

/** Marks a request handler as a command: every call, carried out or refused, goes to the audit log. */
export const Audited = () => SetMetadata(AUDITED, true);

interface Envelope {
  actor?: Actor;
  body?: Record<string, unknown>;
  origin?: string;
}

const TARGET_FIELDS = ['referralId', 'caseId', 'agencyId'];

function targetOf(body: Record<string, unknown> | undefined, reply: unknown): string | null {
  const replied = (reply as { id?: unknown } | undefined)?.id;
  if (typeof replied === 'string') return replied;
  for (const field of TARGET_FIELDS) if (typeof body?.[field] === 'string') return body[field] as string;
  return null;
}

function resultOf(error: unknown): string {
  const e = error as { status?: unknown; code?: unknown };
  return typeof e?.status === 'number' ? `${e.status} ${String(e.code ?? '')}`.trim() : '500 INTERNAL';
}

/**
 * Appends an audit entry after each @Audited handler settles. The entry is written after the
 * command's own transaction, so a refused command is recorded too; if the audit write fails the
 * caller gets the error (an unaudited command must not look successful).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc' || !this.reflector.get<boolean>(AUDITED, context.getHandler()))
      return next.handle();
    const rpc = context.switchToRpc();
    const envelope = rpc.getData<Envelope>();
    const action = rpc.getContext<NatsContext>().getSubject();
    const record = (result: string, reply?: unknown) =>
      appendAudit(this.dataSource, {
        at: new Date(),
        actorId: envelope.actor?.id ?? 'unknown',
        actorRole: envelope.actor?.role ?? 'unknown',
        scope: envelope.actor?.jurisdictionCode ?? envelope.actor?.agencyId ?? null,
        action,
        target: targetOf(envelope.body, reply),
        origin: typeof envelope.origin === 'string' ? envelope.origin.slice(0, 100) : null,
        result,
      });
    return next.handle().pipe(
      mergeMap((reply) => from(record('ok', reply).then(() => reply))),
      catchError((error: unknown) =>
        from(record(resultOf(error))).pipe(
          catchError((auditError: unknown) => {
            this.logger.error({ err: auditError }, 'could not write the audit entry of a refused command');
            return throwError(() => error);
          }),
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}
