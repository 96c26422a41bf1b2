import type { LawyerView } from '@fengqiao/contracts';
import type { LawyerProfile } from './lawyer-profile.entity';

const iso = (d: Date) => new Date(d).toISOString();

/** A lawyer with their kit mediator loaded: the phone masked, as everyone sees it. */
export function toLawyerView(p: LawyerProfile): LawyerView {
  const m = p.mediator!;
  return {
    id: p.mediatorId,
    agencyId: m.agencyId,
    name: m.name,
    firm: p.firm,
    licenceNumber: p.licenceNumber,
    specialties: m.specialties,
    languages: p.languages,
    yearsOfPractice: p.yearsOfPractice,
    published: p.published,
    onDuty: m.onDuty,
    gold: m.gold,
    phone: m.phoneMasked ?? undefined,
    introduction: m.introduction ?? '',
    publishedAt: p.publishedAt ? iso(p.publishedAt) : undefined,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}
