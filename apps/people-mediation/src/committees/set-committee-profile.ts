import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DispatchClient } from '@fengqiao/agency-kit';
import {
  CommitteeProfileSetV1,
  DispatchSubjects,
  type Actor,
  type CommitteeProfileView,
  type SetCommitteeProfileCommand,
} from '@fengqiao/contracts';
import { forbidden, HubError, unprocessableAll } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { CommitteeProfile } from './committee-profile.entity';
import {
  membershipProblems,
  notAPeoplesAgency,
  routingProblems,
  stationProblems,
  type DispatchAgency,
} from './committee-rules';
import { toCommitteeProfileView } from './committee.views';

/** The committee's own clerk keeps its profile; an admin may set any. */
const mayProfile = (actor: Actor, agencyId: string) =>
  actor.role === 'admin' || (actor.role === 'agency_staff' && actor.agencyId === agencyId);

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Sets a committee's profile after checking it against dispatch, which owns the agency and routes
 * to it: the agency must be a people's one, and the profile's kind and dispute types must agree with
 * the specialties dispatch routes by. One transaction writes the profile and its event.
 */
@Injectable()
export class SetCommitteeProfile {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly dispatch: DispatchClient,
  ) {}

  async set(actor: Actor, cmd: SetCommitteeProfileCommand): Promise<CommitteeProfileView> {
    if (!mayProfile(actor, cmd.agencyId)) {
      throw forbidden(
        "only the committee's own staff or an admin may set its profile",
        '只有本调委会工作人员或管理员可以维护调委会档案',
      );
    }
    // An agency dispatch does not know is dispatch's 404, passed on.
    const agency = await this.dispatch.request<DispatchAgency>(DispatchSubjects.agencyGet, actor, {
      agencyId: cmd.agencyId,
    });
    const notPeople = notAPeoplesAgency(agency);
    if (notPeople) throw unprocessableAll([notPeople]);
    const station = cmd.stationedAt?.agencyId
      ? await this.stationUnit(actor, cmd.stationedAt.agencyId)
      : null;
    const problems = [
      ...routingProblems(cmd, agency),
      ...membershipProblems(cmd, today()),
      ...stationProblems(cmd, station),
    ];
    if (problems.length) throw unprocessableAll(problems);

    return this.dataSource.transaction(async (m) => {
      // Serialises the first set of a profile with a concurrent one (no row to lock yet).
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`committee_profile:${cmd.agencyId}`]);
      const now = new Date();
      const profile =
        (await m.findOne(CommitteeProfile, { where: { agencyId: cmd.agencyId } })) ??
        m.create(CommitteeProfile, { agencyId: cmd.agencyId });
      Object.assign(profile, {
        committeeKind: cmd.committeeKind,
        name: cmd.name,
        jurisdictionCode: agency.jurisdictionCode,
        establishedOn: cmd.establishedOn,
        directorName: cmd.directorName,
        membersCount: cmd.membersCount,
        stationedAtKind: cmd.stationedAt?.kind ?? null,
        stationedAtAgencyId: cmd.stationedAt?.agencyId ?? null,
        stationedAtNote: cmd.stationedAt?.note ?? null,
        disputeTypes: cmd.disputeTypes,
        updatedAt: now,
        updatedById: actor.id,
      });
      await m.save(profile);
      await this.outbox.add(m, CommitteeProfileSetV1, {
        agencyId: profile.agencyId,
        agencyKind: 'people',
        committeeKind: profile.committeeKind,
        jurisdictionCode: profile.jurisdictionCode,
        ...(cmd.stationedAt ? { stationedAtKind: cmd.stationedAt.kind } : {}),
        ...(cmd.stationedAt?.agencyId ? { stationedAtAgencyId: cmd.stationedAt.agencyId } : {}),
        disputeTypes: profile.disputeTypes,
        setAt: now.toISOString(),
        setBy: actor,
      });
      return toCommitteeProfileView(profile);
    });
  }

  /** The unit a committee is stationed in, or null when dispatch knows no such unit. */
  private async stationUnit(actor: Actor, agencyId: string): Promise<DispatchAgency | null> {
    try {
      return await this.dispatch.request<DispatchAgency>(DispatchSubjects.agencyGet, actor, { agencyId });
    } catch (e) {
      if (e instanceof HubError && e.status === 404) return null;
      throw e;
    }
  }
}
