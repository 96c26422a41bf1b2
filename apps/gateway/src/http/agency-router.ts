import { Injectable } from '@nestjs/common';
import {
  AGENCY_KINDS,
  AGENCY_SERVICE,
  DispatchSubjects,
  servesPlace,
  type AgencyKind,
  type AgencyView,
  type ReferralView,
} from '@fengqiao/contracts';
import { conflict, forbidden, HubError, notFound } from '@fengqiao/errors';
import { assertAgencyScope, type RequestActor } from './access';
import { ServiceClient } from './service-client';

/** Which subject of the agency's service a route calls, given the agency's kind. */
export type SubjectOf = (kind: AgencyKind) => string;

const KIND_ZH: Record<AgencyKind, string> = {
  police: '派出所',
  judicial: '司法所',
  people: '人民调解委员会',
  lawyer: '律师调解工作室',
};

/**
 * The way to an agency service's work: dispatch knows each agency's kind and which agency holds a
 * referral; the service of that kind does the work. The caller must be the agency's own staff (or
 * a role the route lets in), and a route for one kind (police's 当场调处, say) finds nothing at another.
 */
@Injectable()
export class AgencyRouter {
  constructor(private readonly services: ServiceClient) {}

  /** The unit a route names (an agency or a department), in the caller's scope. */
  async unit(actor: RequestActor, agencyId: string): Promise<AgencyView> {
    assertAgencyScope(actor, agencyId);
    const unit = await this.services.dispatch<AgencyView>(DispatchSubjects.agencyGet, actor, { agencyId });
    assertServesArea(actor, unit);
    return unit;
  }

  /** The agency a route names, in the caller's scope and of one of `kinds`. */
  async agency(
    actor: RequestActor,
    agencyId: string,
    kinds: readonly AgencyKind[] = AGENCY_KINDS,
  ): Promise<AgencyView & { kind: AgencyKind }> {
    const agency = await this.unit(actor, agencyId);
    if (!(kinds as readonly string[]).includes(agency.kind)) throw notOfKind('agency', agencyId, kinds);
    return agency as AgencyView & { kind: AgencyKind };
  }

  /** A request to the service of the agency the route names. */
  async toAgency<T>(
    actor: RequestActor,
    agencyId: string,
    subjectOf: SubjectOf,
    body: object,
    kinds?: readonly AgencyKind[],
  ): Promise<T> {
    const agency = await this.agency(actor, agencyId, kinds);
    return this.services.request<T>(AGENCY_SERVICE[agency.kind], subjectOf(agency.kind), actor, {
      ...body,
      agencyId,
    });
  }

  /** A request about one referral, to the service of the agency that holds it. */
  async toReferralHolder<T>(
    actor: RequestActor,
    referralId: string,
    subjectOf: SubjectOf,
    body: object,
    kinds: readonly AgencyKind[] = AGENCY_KINDS,
  ): Promise<T> {
    const referral = await this.services.dispatch<ReferralView>(DispatchSubjects.referralGet, actor, {
      referralId,
    });
    assertAgencyScope(actor, referral.agencyId);
    if (!(kinds as readonly string[]).includes(referral.agencyKind))
      throw notOfKind('referral', referralId, kinds);
    const kind = referral.agencyKind as AgencyKind;
    try {
      return await this.services.request<T>(AGENCY_SERVICE[kind], subjectOf(kind), actor, {
        ...body,
        referralId,
      });
    } catch (e) {
      // Dispatch has it but the agency's inbox does not yet: the event is still on its way.
      if (e instanceof HubError && e.status === 404 && e.message === `referral ${referralId} not found`) {
        throw conflict(
          `referral ${referralId} has not reached ${referral.agencyName}'s inbox yet; try again in a moment`,
          `派单尚未送达${referral.agencyName}，请稍后重试`,
        );
      }
      throw e;
    }
  }
}

/**
 * A coordinator or leader reaches the agencies that serve their 辖区: those inside it and those
 * above it (the city's 医调委 for a street's coordinator), never a neighbouring street's.
 */
function assertServesArea(actor: RequestActor, agency: AgencyView): void {
  if (actor.role !== 'coordinator' && actor.role !== 'leader') return;
  if (actor.jurisdictionCode && servesPlace(agency.jurisdictionCode, actor.jurisdictionCode)) return;
  throw forbidden(`${agency.name} is outside your jurisdiction`, `${agency.name}不在您的辖区范围内`);
}

function notOfKind(what: 'agency' | 'referral', id: string, kinds: readonly AgencyKind[]): HubError {
  const zh = kinds.map((k) => KIND_ZH[k]).join('或');
  return notFound(what, what === 'agency' ? zh : `${zh}的派单`, id);
}
