import type { Actor } from '@fengqiao/contracts';
import { forbidden } from '@fengqiao/errors';
import { mayRead, mayWorkOn } from '@fengqiao/agency-kit';

/** The office's own clerks and mediators do its work (指导监督, 法律援助转介). */
export function assertOfficeWork(actor: Actor, agencyId: string): void {
  if (!mayWorkOn(actor, agencyId))
    throw forbidden("this is another judicial office's work", '无权办理其他司法所的事项');
}

/** Its lists: the office's own people, and coordinators (who watch every agency). */
export function assertOfficeRead(actor: Actor, agencyId: string): void {
  if (!mayRead(actor, agencyId))
    throw forbidden("this is another judicial office's list", '无权查看其他司法所的信息');
}
