import { Injectable } from '@nestjs/common';
import { DispatchSubjects, isWithinJurisdiction, type Actor, type AgencyView } from '@fengqiao/contracts';
import { forbidden, notFound } from '@fengqiao/errors';
import { DispatchClient, mayWorkOn } from '@fengqiao/agency-kit';

/** Who may do what with a station's own records (on-the-spot records, its stationed committee). */
@Injectable()
export class StationAccess {
  constructor(private readonly dispatch: DispatchClient) {}

  /** The station as dispatch knows it; anything that is not a police agency is not found here. */
  async station(actor: Actor, agencyId: string): Promise<AgencyView> {
    const agency = await this.dispatch.request<AgencyView>(DispatchSubjects.agencyGet, actor, { agencyId });
    if (agency.kind !== 'police') throw notFound('police station', '派出所', agencyId);
    return agency;
  }

  /** Work on the station's records: its own staff and mediators (警务助理 included). */
  assertMayWork(actor: Actor, agencyId: string): void {
    if (!mayWorkOn(actor, agencyId))
      throw forbidden("this is another agency's work", '无权办理其他单位的业务');
  }

  /** Reading them: the station's own people, and coordinators whose 辖区 holds the station. */
  async assertMayRead(actor: Actor, agencyId: string): Promise<void> {
    if (mayWorkOn(actor, agencyId)) return;
    if (actor.role === 'coordinator' && actor.jurisdictionCode) {
      const station = await this.station(actor, agencyId);
      if (isWithinJurisdiction(station.jurisdictionCode, actor.jurisdictionCode)) return;
    }
    throw forbidden("this is another agency's record", '无权查看其他单位的记录');
  }
}
