import type { MediatorView } from '@fengqiao/contracts';
import type { Mediator } from './mediator.entity';

/** A mediator as every reader sees them: the phone masked, with the load counted by the query. */
export function toMediatorView(m: Mediator, currentLoad: number): MediatorView {
  return {
    id: m.id,
    agencyId: m.agencyId,
    name: m.name,
    category: m.category,
    specialties: m.specialties,
    gold: m.gold,
    onDuty: m.onDuty,
    phone: m.phoneMasked ?? undefined,
    userId: m.userId ?? undefined,
    introduction: m.introduction ?? undefined,
    currentLoad,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}
