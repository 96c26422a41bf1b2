import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DispatchSubjects,
  type Actor,
  type AgencyView,
  type SetStationedCommitteeCommand,
  type StationedCommitteeView,
} from '@fengqiao/contracts';
import { forbidden, HubError, notFound, unprocessable } from '@fengqiao/errors';
import { DispatchClient } from '@fengqiao/agency-kit';
import { districtOf } from '../stations/jurisdiction';
import { StationAccess } from '../stations/station-access';
import { StationedCommittee } from './stationed-committee.entity';

export const toStationedCommitteeView = (s: StationedCommittee): StationedCommitteeView => ({
  stationAgencyId: s.stationAgencyId,
  committeeAgencyId: s.committeeAgencyId,
  committeeName: s.committeeName,
  setAt: s.setAt.toISOString(),
  setBy: { id: s.setById, name: s.setByName },
});

/** 驻所人民调解室: which people's mediation committee sits at each station. */
@Injectable()
export class StationedCommittees {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatch: DispatchClient,
    private readonly stations: StationAccess,
  ) {}

  /**
   * Sets (or replaces) the station's committee: a people's mediation committee in the station's own
   * district, as dispatch knows it, or 422. The station's clerks only.
   */
  async set(actor: Actor, command: SetStationedCommitteeCommand): Promise<StationedCommitteeView> {
    if (actor.role !== 'agency_staff' || actor.agencyId !== command.agencyId) {
      throw forbidden(
        "only the station's own staff may set its stationed committee",
        '只有本所工作人员可以设置驻所调解室',
      );
    }
    const station = await this.stations.station(actor, command.agencyId);
    const committee = await this.committee(actor, command.committeeAgencyId);
    if (committee.kind !== 'people') {
      throw unprocessable(
        'committeeAgencyId',
        `${committee.name} is not a people's mediation committee`,
        `${committee.name}不是人民调解委员会`,
      );
    }
    if (districtOf(committee.jurisdictionCode) !== districtOf(station.jurisdictionCode)) {
      throw unprocessable(
        'committeeAgencyId',
        `${committee.name} is outside the station's district`,
        `${committee.name}不在本所所在县（市、区）`,
      );
    }
    const row: StationedCommittee = {
      stationAgencyId: command.agencyId,
      committeeAgencyId: committee.id,
      committeeName: committee.name,
      setAt: new Date(),
      setById: actor.id,
      setByName: actor.name,
    };
    await this.dataSource.getRepository(StationedCommittee).upsert(row, ['stationAgencyId']);
    return toStationedCommitteeView(row);
  }

  async get(actor: Actor, agencyId: string): Promise<StationedCommitteeView> {
    await this.stations.assertMayRead(actor, agencyId);
    const row = await this.dataSource
      .getRepository(StationedCommittee)
      .findOneBy({ stationAgencyId: agencyId });
    if (!row) throw notFound('stationed committee of station', '驻所调解室，派出所', agencyId);
    return toStationedCommitteeView(row);
  }

  /** The committee as dispatch knows it; an id dispatch does not know is bad input here, not a 404. */
  private async committee(actor: Actor, agencyId: string): Promise<AgencyView> {
    try {
      return await this.dispatch.request<AgencyView>(DispatchSubjects.agencyGet, actor, { agencyId });
    } catch (e) {
      if (e instanceof HubError && e.status === 404) {
        throw unprocessable('committeeAgencyId', `no agency ${agencyId}`, `单位 ${agencyId} 不存在`);
      }
      throw e;
    }
  }
}
