import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CaseRegisteredV1,
  type Actor,
  type IntakeChannel,
  type LadderCode,
  type RegisterCaseCommand,
} from '@fengqiao/contracts';
import { forbidden, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { maskIdNumber, maskPhone, PersonalDataCipher } from '@fengqiao/pii';
import { Agency } from '../agencies/agency.entity';
import { Jurisdiction, subtreePrefix, toStoredCode } from '../agencies/jurisdiction.entity';
import { complaintText, TypeSuggestions } from '../classification/type-suggestions';
import { DispatchEnv, SCHEMA } from '../config';
import { ladderFor, ladderLevel } from '../ladder/ladder-policy';
import { addressKey, linkRepeats } from '../repeats/repeat-detection';
import { flagViolenceRisk } from './case-flags';
import { nextCaseNumber } from './case-number';
import { assertWithinJurisdiction } from './case-scope';
import { Case } from './case.entity';
import { CaseParty } from './case-party.entity';
import { DisputeType } from './dispute-type.entity';
import { appendTimelineStep } from './timeline-entry.entity';

/** What reaches a police station: 110 calls, what a patrol finds, who walks in. */
const POLICE_CHANNELS: readonly IntakeChannel[] = ['call_110', 'patrol', 'walk_in'];

/** Where and at which level a new case sits, decided before its transaction. */
interface Placement {
  jurisdictionCode: string;
  caseNumber: string;
  ladder: LadderCode;
  startLevel: number;
  now: Date;
}

/** 登记: a dispute arrives from any channel and gets its case number for life. */
@Injectable()
export class RegisterCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly personalData: PersonalDataCipher,
    private readonly typeSuggestions: TypeSuggestions,
    private readonly settings: DispatchEnv,
  ) {}

  /** Registers the case and returns its id; with an idempotency key already used by this caller, returns that case. */
  async execute(actor: Actor, input: RegisterCaseCommand): Promise<string> {
    const earlier = await this.findByIdempotencyKey(actor, input.idempotencyKey);
    if (earlier) return earlier;
    const jurisdictionCode = toStoredCode(input.jurisdictionCode);
    await this.assertMayRegister(actor, jurisdictionCode, input.channel);
    await this.checkReferences(input, jurisdictionCode);
    const ladder = await ladderFor(this.dataSource.manager, jurisdictionCode);
    const startLevel = input.startLevel ?? 1;
    await ladderLevel(this.dataSource.manager, ladder, startLevel, 'startLevel');
    const now = new Date();
    const caseNumber = await nextCaseNumber(this.dataSource, SCHEMA, jurisdictionCode, now);
    try {
      return await this.insert(actor, input, { jurisdictionCode, caseNumber, ladder, startLevel, now });
    } catch (e) {
      // Two retries of one request raced: the loser returns the winner's case.
      const winner =
        (e as { code?: string }).code === '23505'
          ? await this.findByIdempotencyKey(actor, input.idempotencyKey)
          : null;
      if (winner) return winner;
      throw e;
    }
  }

  /**
   * Who registers where: coordinators and reporters in their 辖区, and the staff of a police station
   * in the station's own area or below, for what reaches a station (a 110 call, a patrol, a walk-in;
   * 当场调处 is registered this way before it is closed).
   */
  private async assertMayRegister(actor: Actor, jurisdictionCode: string, channel: IntakeChannel) {
    if (actor.role !== 'agency_staff' && actor.role !== 'mediator') {
      return assertWithinJurisdiction(actor, jurisdictionCode);
    }
    const station = actor.agencyId
      ? await this.dataSource.getRepository(Agency).findOneBy({ id: actor.agencyId })
      : null;
    if (station?.kind !== 'police') {
      throw forbidden(
        'only police stations register cases themselves; other agencies receive them by referral',
        '仅派出所可直接登记案件，其他单位通过派单接收',
      );
    }
    if (!jurisdictionCode.startsWith(subtreePrefix(station.jurisdictionCode))) {
      throw forbidden(
        `${jurisdictionCode} is outside the area of ${station.name}`,
        `辖区 ${jurisdictionCode} 不在${station.name}管辖范围内`,
      );
    }
    if (!POLICE_CHANNELS.includes(channel)) {
      throw unprocessable(
        'channel',
        `a police station registers cases from ${POLICE_CHANNELS.join(', ')}`,
        '派出所登记的案件来源须为110警情、巡逻发现或来访',
      );
    }
  }

  /** A party as stored: personal data only as ciphertext, lookup hash and masked form. */
  private partyRow(caseId: string, position: number, p: RegisterCaseCommand['parties'][number]) {
    const sealed = (value: string | undefined, mask: (v: string) => string) =>
      value
        ? {
            cipher: this.personalData.encrypt(value),
            hash: this.personalData.lookupHash(value),
            masked: mask(value),
          }
        : { cipher: null, hash: null, masked: null };
    const id = sealed(p.idNumber, maskIdNumber);
    const phone = sealed(p.phone, maskPhone);
    return {
      caseId,
      position,
      kind: p.kind,
      role: p.role,
      name: p.name,
      idNumberCipher: id.cipher,
      idNumberHash: id.hash,
      idNumberMasked: id.masked,
      phoneCipher: phone.cipher,
      phoneHash: phone.hash,
      phoneMasked: phone.masked,
    };
  }

  private async findByIdempotencyKey(actor: Actor, key: string | undefined): Promise<string | null> {
    if (!key) return null;
    const found = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { registeredById: actor.id, idempotencyKey: key }, select: { id: true } });
    return found?.id ?? null;
  }

  private async checkReferences(input: RegisterCaseCommand, jurisdictionCode: string): Promise<void> {
    if (input.channel === 'call_110' && !input.incidentNumber) {
      throw unprocessable(
        'incidentNumber',
        'is required when the channel is call_110',
        '110 警情登记必须填写警情编号',
      );
    }
    if (!(await this.dataSource.getRepository(Jurisdiction).existsBy({ code: jurisdictionCode }))) {
      throw unprocessable(
        'jurisdictionCode',
        `no jurisdiction ${input.jurisdictionCode}`,
        `辖区 ${input.jurisdictionCode} 不存在`,
      );
    }
    if (!(await this.dataSource.getRepository(DisputeType).existsBy({ code: input.disputeType }))) {
      throw unprocessable(
        'disputeType',
        `unknown dispute type ${input.disputeType}`,
        `纠纷类型 ${input.disputeType} 不存在`,
      );
    }
  }

  private insert(actor: Actor, input: RegisterCaseCommand, at: Placement): Promise<string> {
    const { jurisdictionCode, caseNumber, ladder, startLevel, now } = at;
    return this.dataSource.transaction(async (m) => {
      const kase = m.create(Case, {
        id: randomUUID(),
        caseNumber,
        title: input.title,
        description: input.description,
        disputeType: input.disputeType,
        jurisdictionCode,
        channel: input.channel,
        incidentNumber: input.incidentNumber ?? null,
        riskLevel: input.riskLevel ?? 'general',
        violenceRisk: input.violenceRisk ?? false,
        address: input.address ?? null,
        addressKey: addressKey(input.address),
        // 首接负责: whoever received it owns it until an agency accepts the lead referral.
        firstOwnerId: actor.id,
        firstOwnerName: actor.name,
        firstOwnerAgencyId: actor.agencyId ?? null,
        ownerAgencyId: null,
        ladderCode: ladder,
        startLevel,
        ladderLevel: startLevel,
        proposedLevel: null,
        closedLevel: null,
        closedAt: null,
        isRepeat: false,
        pingPong: false,
        returnCount: 0,
        rebound: false,
        status: 'registered',
        registeredAt: now,
        registeredById: actor.id,
        registeredByName: actor.name,
        idempotencyKey: input.idempotencyKey ?? null,
      });
      await m.insert(Case, kase);
      const id = kase.id;
      await m.insert(
        CaseParty,
        input.parties.map((p, position) => this.partyRow(id, position, p)),
      );
      await appendTimelineStep(m, {
        caseId: id,
        step: 'case_registered',
        summary: `登记案件 ${caseNumber}（${input.title}）`,
        actor,
        at: now,
      });
      await this.outbox.add(m, CaseRegisteredV1, {
        caseId: id,
        caseNumber,
        disputeType: input.disputeType,
        jurisdictionCode,
        channel: input.channel,
        riskLevel: kase.riskLevel,
        violenceRisk: kase.violenceRisk,
        ladder,
        ladderLevel: startLevel,
        registeredAt: now.toISOString(),
        registeredBy: actor,
      });
      await this.typeSuggestions.record(
        m,
        id,
        complaintText(input.title, input.description),
        input.disputeType,
        actor,
        now,
      );
      await linkRepeats(m, this.outbox, kase, this.settings.REPEAT_WINDOW_DAYS);
      if (kase.violenceRisk) await flagViolenceRisk(m, this.outbox, kase, actor, '登记时标记民转刑风险', now);
      return id;
    });
  }
}
