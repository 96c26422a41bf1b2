import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  DispatchSubjects,
  isWithinJurisdiction,
  OnTheSpotSettledV1,
  type Actor,
  type CaseView,
  type OnTheSpotMediationView,
  type RecordOnTheSpotMediationCommand,
  type RegisterCaseCommand,
} from '@fengqiao/contracts';
import { conflict, HubError, unprocessable, unprocessableAll } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { maskIdNumber, maskPhone, PersonalDataCipher } from '@fengqiao/pii';
import { AgencyIdentity, DispatchClient } from '@fengqiao/agency-kit';
import { claimIncident, incidentTaken } from '../incidents/incident-claims';
import { IncidentLink } from '../incidents/incident-link.entity';
import { incidentNumberOf } from '../incidents/incident-number';
import { StationAccess } from '../stations/station-access';
import { OnTheSpotMediation } from './on-the-spot-mediation.entity';
import { OnTheSpotParty } from './on-the-spot-party.entity';
import { OnTheSpotQueries } from './on-the-spot-queries';
import { onTheSpotProblems } from './on-the-spot-rules';

/**
 * 当场调处, in three steps that each survive a crash of the one after: (1) the record is written,
 * `registering`; (2) dispatch registers the case, with the record's id as the idempotency key, so
 * asking again returns the same case; (3) one transaction keeps the case on the record and, when
 * settled, writes OnTheSpotSettledV1. Retrying the request with the same Idempotency-Key resumes
 * the record where it stopped; a record already registered is returned as it is.
 */
@Injectable()
export class RecordOnTheSpotMediation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    private readonly dispatch: DispatchClient,
    private readonly cipher: PersonalDataCipher,
    private readonly stations: StationAccess,
    private readonly queries: OnTheSpotQueries,
  ) {}

  async execute(actor: Actor, command: RecordOnTheSpotMediationCommand): Promise<OnTheSpotMediationView> {
    this.stations.assertMayWork(actor, command.agencyId);
    const record = (await this.earlier(command)) ?? (await this.write(actor, command));
    return this.queries.view(record.status === 'registered' ? record : await this.register(record));
  }

  /** The record an earlier try with the same Idempotency-Key wrote (its body is not compared). */
  private async earlier(command: RecordOnTheSpotMediationCommand): Promise<OnTheSpotMediation | null> {
    if (!command.idempotencyKey) return null;
    return this.dataSource
      .getRepository(OnTheSpotMediation)
      .findOneBy({ agencyId: command.agencyId, idempotencyKey: command.idempotencyKey });
  }

  /** Step 1: checks what can be checked here, then writes the record and claims its 110 incident. */
  private async write(actor: Actor, command: RecordOnTheSpotMediationCommand): Promise<OnTheSpotMediation> {
    const problems = onTheSpotProblems(command);
    if (problems.length > 0) throw unprocessableAll(problems);
    const incidentNumber =
      command.incidentNumber === undefined ? null : incidentNumberOf(command.incidentNumber);
    const station = await this.stations.station(actor, command.agencyId);
    if (!isWithinJurisdiction(command.jurisdictionCode, station.jurisdictionCode)) {
      throw unprocessable(
        'jurisdictionCode',
        `${command.jurisdictionCode} is outside the station's area (${station.jurisdictionCode})`,
        `${command.jurisdictionCode} 不在本所辖区（${station.jurisdictionCode}）内`,
      );
    }
    const record = this.dataSource.getRepository(OnTheSpotMediation).create({
      id: randomUUID(),
      agencyId: command.agencyId,
      idempotencyKey: command.idempotencyKey ?? null,
      status: 'registering',
      caseId: null,
      caseNumber: null,
      incidentNumber,
      channel: command.channel,
      occurredAt: new Date(command.occurredAt),
      place: command.place,
      jurisdictionCode: command.jurisdictionCode.padEnd(12, '0'),
      disputeType: command.disputeType,
      title: command.title,
      summary: command.summary,
      riskLevel: command.riskLevel,
      violenceRisk: command.violenceRisk,
      outcome: command.outcome,
      agreementSummary: command.outcome === 'settled' ? command.agreementSummary! : null,
      recordedAt: new Date(),
      recordedById: actor.id,
      recordedByName: actor.name,
      recordedByRole: actor.role,
      registeredAt: null,
    });
    const written = await this.dataSource.transaction(async (m) => {
      // With a key, the partial unique index makes the second of two racing tries insert nothing.
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(OnTheSpotMediation)
        .values(record)
        .orIgnore()
        .execute();
      if (inserted.raw.length === 0) return false;
      await m.insert(
        OnTheSpotParty,
        command.parties.map((p, position) => ({
          recordId: record.id,
          position,
          kind: p.kind,
          role: p.role,
          name: p.name,
          idNumberEncrypted: this.encrypt(p.idNumber),
          idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
          phoneEncrypted: this.encrypt(p.phone),
          phoneMasked: p.phone ? maskPhone(p.phone) : null,
        })),
      );
      // An incident belongs to one case: the record claims its number now, before the case exists.
      if (incidentNumber) {
        const link = await claimIncident(m, {
          incidentNumber,
          caseId: null,
          agencyId: record.agencyId,
          onTheSpotRecordId: record.id,
          receivedAt: record.occurredAt,
          by: recorderOf(record),
          at: record.recordedAt,
        });
        if (link.onTheSpotRecordId !== record.id) throw incidentTaken(incidentNumber);
      }
      return true;
    });
    if (written) return record;
    // Two tries with one key raced: the loser carries on with the winner's record (which is gone
    // only if dispatch has just refused it: then this try may start afresh).
    const winner = await this.earlier(command);
    if (!winner)
      throw conflict('the same record was refused just now; try again', '同一记录刚被拒绝，请重试');
    return winner;
  }

  /**
   * Step 2: dispatch registers the case as the person who recorded it (whoever retries), so its
   * per-caller idempotency key finds the same case. If dispatch refuses the case (4xx) nothing was
   * registered, and the record is discarded; if it does not answer, the record waits for a retry.
   */
  private async register(record: OnTheSpotMediation): Promise<OnTheSpotMediation> {
    let registered: CaseView;
    try {
      registered = await this.dispatch.request<CaseView>(
        DispatchSubjects.caseRegister,
        recorderOf(record),
        await this.registration(record),
      );
    } catch (e) {
      if (e instanceof HubError && e.status < 500) await this.discard(record.id);
      throw e;
    }
    return this.finish(record.id, registered);
  }

  /** What dispatch is asked to register: the record as written, parties' numbers decrypted for it. */
  private async registration(record: OnTheSpotMediation): Promise<RegisterCaseCommand> {
    const parties = await this.dataSource
      .getRepository(OnTheSpotParty)
      .find({ where: { recordId: record.id }, order: { position: 'ASC' } });
    return {
      title: record.title,
      description: record.summary,
      disputeType: record.disputeType,
      jurisdictionCode: record.jurisdictionCode,
      channel: record.channel,
      ...(record.incidentNumber ? { incidentNumber: record.incidentNumber } : {}),
      riskLevel: record.riskLevel,
      violenceRisk: record.violenceRisk,
      address: record.place,
      parties: parties.map((p) => ({
        kind: p.kind,
        role: p.role,
        name: p.name,
        ...(p.idNumberEncrypted ? { idNumber: this.cipher.decrypt(p.idNumberEncrypted) } : {}),
        ...(p.phoneEncrypted ? { phone: this.cipher.decrypt(p.phoneEncrypted) } : {}),
      })),
      idempotencyKey: record.id,
    };
  }

  /** Step 3: the case on the record and, when settled, the event, exactly once however many retries. */
  private finish(recordId: string, registered: CaseView): Promise<OnTheSpotMediation> {
    return this.dataSource.transaction(async (m) => {
      const record = await m.findOneOrFail(OnTheSpotMediation, {
        where: { id: recordId },
        lock: { mode: 'pessimistic_write' },
      });
      if (record.status === 'registered') return record;
      record.status = 'registered';
      record.caseId = registered.id;
      record.caseNumber = registered.caseNumber;
      record.registeredAt = new Date();
      await m.save(record);
      if (record.incidentNumber) {
        await m.update(
          IncidentLink,
          { incidentNumber: record.incidentNumber, onTheSpotRecordId: record.id },
          { caseId: registered.id },
        );
      }
      if (record.outcome === 'settled') {
        await this.outbox.add(m, OnTheSpotSettledV1, {
          recordId: record.id,
          caseId: registered.id,
          agencyId: record.agencyId,
          agencyKind: this.agency.kind,
          ...(record.incidentNumber ? { incidentNumber: record.incidentNumber } : {}),
          agreementSummary: record.agreementSummary!,
          settledAt: record.recordedAt.toISOString(),
          settledBy: recorderOf(record),
        });
      }
      return record;
    });
  }

  /** A record dispatch refused, with its parties and incident claim; only while still registering. */
  private discard(recordId: string): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const gone = await m.delete(OnTheSpotMediation, { id: recordId, status: 'registering' });
      if (!gone.affected) return;
      await m.delete(OnTheSpotParty, { recordId });
      await m.delete(IncidentLink, { onTheSpotRecordId: recordId, caseId: IsNull() });
    });
  }

  private encrypt(value: string | undefined): string | null {
    return value ? this.cipher.encrypt(value) : null;
  }
}

/** The person who recorded it, as the actor of everything that follows from the record. */
const recorderOf = (record: OnTheSpotMediation): Actor => ({
  id: record.recordedById,
  name: record.recordedByName,
  role: record.recordedByRole,
  agencyId: record.agencyId,
});
