import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DispatchSubjects,
  LawyerChoiceRefusedV1,
  LawyerChosenV1,
  type Actor,
  type CasePartyLookupView,
  type ChooseLawyerRequest,
  type LawyerChoiceView,
  type PartyLookupEntry,
} from '@fengqiao/contracts';
import {
  AssignMediator,
  assertStatus,
  DispatchClient,
  findOwnReferral,
  ReferralWorkUnit,
  WHILE_MEDIATING,
  type InboxReferral,
  type ReferralWork,
} from '@fengqiao/agency-kit';
import { conflict, unprocessable } from '@fengqiao/errors';
import { Representation } from '../representations/representation.entity';
import type { LawyerProfile } from '../roster/lawyer-profile.entity';
import { findStudioLawyer } from '../roster/studio-lawyers';
import { findConflict, maskPartyName, type ConflictOfInterest } from './conflict-check';
import { LawyerChoice } from './lawyer-choice.entity';
import { toLawyerChoiceView } from './lawyer-choice.views';

const CHOOSE: ReferralWork = {
  from: WHILE_MEDIATING,
  en: 'choose a lawyer for referral',
  zh: '选择调解律师',
};

type Outcome = { chosen: LawyerChoice } | { refused: ConflictOfInterest; lawyer: LawyerProfile };

/**
 * 自主选择 (seed 003, 律师"介入调"): the parties choose their lawyer from the published roster. The
 * choice is checked for a conflict of interest against what the lawyer, and every lawyer of the
 * same firm, did before for any of the case's parties. A refused choice is kept on the studio's
 * ledger as well; a good one makes the lawyer the referral's mediator in charge and replaces any
 * earlier choice (which stays, as replaced).
 */
@Injectable()
export class ChooseLawyer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly work: ReferralWorkUnit,
    private readonly assignment: AssignMediator,
    private readonly dispatch: DispatchClient,
  ) {}

  async execute(actor: Actor, referralId: string, input: ChooseLawyerRequest): Promise<LawyerChoiceView> {
    // What needs no one else first: a wrong request never costs a call to dispatch.
    const found = await findOwnReferral(this.dataSource.manager, actor, referralId);
    assertStatus(found, CHOOSE);
    await this.rosterLawyer(this.dataSource.manager, found, input.lawyerId);
    // Asked before the transaction, so no lock waits on dispatch. The parties of a case do not
    // change under a referral in mediation; the representations are read again under the lock.
    const { parties } = await this.dispatch.request<CasePartyLookupView>(
      DispatchSubjects.casePartyLookup,
      actor,
      { caseId: found.caseId },
    );
    assertChoosersAreParties(input.chosenByPartyPositions, parties);

    const outcome = await this.work.on(actor, referralId, CHOOSE, async (m, referral): Promise<Outcome> => {
      const lawyer = await this.rosterLawyer(m, referral, input.lawyerId);
      const priors = await m
        .getRepository(Representation)
        .createQueryBuilder('r')
        .where('(r.lawyer_id = :lawyerId OR r.firm = :firm)', {
          lawyerId: lawyer.mediatorId,
          firm: lawyer.firm,
        })
        .andWhere('(r.client_name_hash IN (:...names) OR r.client_id_number_hash IN (:...ids))', {
          names: parties.map((p) => p.nameHash),
          // IN () is not SQL: an impossible hash stands in when no party gave an ID number.
          ids: [...parties.flatMap((p) => (p.idNumberHash ? [p.idNumberHash] : [])), '-'],
        })
        .getMany();
      const found = findConflict(lawyer.mediatorId, parties, priors);
      if (found) {
        await this.refuse(m, actor, referral, lawyer, input, found);
        return { refused: found, lawyer };
      }
      return { chosen: await this.choose(m, actor, referral, lawyer, input) };
    });
    if ('refused' in outcome) throw conflictOfInterest(outcome.refused, outcome.lawyer);
    return toLawyerChoiceView(outcome.chosen);
  }

  /** Published, of this studio, on duty: the parties choose only from the roster as published. */
  private async rosterLawyer(
    m: EntityManager,
    referral: InboxReferral,
    lawyerId: string,
  ): Promise<LawyerProfile> {
    const lawyer = await findStudioLawyer(m, referral.agencyId, lawyerId);
    if (!lawyer || !lawyer.published || lawyer.mediator!.category !== 'lawyer')
      throw unprocessable('lawyerId', "is not on this studio's published roster", '不在公布的律师名录中');
    if (!lawyer.mediator!.onDuty)
      throw unprocessable(
        'lawyerId',
        `${lawyer.mediator!.name} is not on duty`,
        `${lawyer.mediator!.name}当前不在岗，请另行选择`,
      );
    return lawyer;
  }

  private async choose(
    m: EntityManager,
    actor: Actor,
    referral: InboxReferral,
    lawyer: LawyerProfile,
    input: ChooseLawyerRequest,
  ): Promise<LawyerChoice> {
    const previous = await m.findOneBy(LawyerChoice, { referralId: referral.id, status: 'chosen' });
    // The same choice again (a retry after a lost reply) changes nothing.
    if (
      previous?.lawyerId === lawyer.mediatorId &&
      referral.mediatorId === lawyer.mediatorId &&
      sameSet(previous.chosenByPartyPositions, input.chosenByPartyPositions)
    )
      return previous;
    const now = new Date();
    const choice = this.newChoice(actor, referral, lawyer, input, now, 'chosen');
    if (previous) {
      await m.update(
        LawyerChoice,
        { id: previous.id },
        { status: 'replaced', replacedAt: now, replacedByChoiceId: choice.id },
      );
    }
    await m.insert(LawyerChoice, choice);
    await this.work.report(m, LawyerChosenV1, referral, {
      ...choiceFacts(choice),
      lawyerName: choice.lawyerName,
      chosenByPartyPositions: choice.chosenByPartyPositions,
      ...(previous ? { replacesChoiceId: previous.id } : {}),
      chosenAt: now.toISOString(),
      chosenBy: actor,
    });
    // The chosen lawyer takes the referral in charge, as the kit's 指定承办调解员 would make them.
    await this.assignment.assignIn(m, actor, referral, lawyer.mediator!, now);
    return choice;
  }

  /**
   * A refused choice goes on the ledger with whom the conflict concerns (masked): the transaction
   * commits it, and only then does the caller get the 409.
   */
  private async refuse(
    m: EntityManager,
    actor: Actor,
    referral: InboxReferral,
    lawyer: LawyerProfile,
    input: ChooseLawyerRequest,
    found: ConflictOfInterest,
  ): Promise<void> {
    const now = new Date();
    const choice = this.newChoice(actor, referral, lawyer, input, now, 'refused');
    Object.assign(choice, {
      conflictSource: found.source,
      conflictPartyPosition: found.party.position,
      conflictPartyName: maskPartyName(found.party),
      conflictRepresentationId: found.representationId,
    });
    await m.insert(LawyerChoice, choice);
    await this.work.report(m, LawyerChoiceRefusedV1, referral, {
      ...choiceFacts(choice),
      conflictSource: found.source,
      partyPosition: found.party.position,
      refusedAt: now.toISOString(),
      recordedBy: actor,
    });
  }

  private newChoice(
    actor: Actor,
    referral: InboxReferral,
    lawyer: LawyerProfile,
    input: ChooseLawyerRequest,
    at: Date,
    status: 'chosen' | 'refused',
  ): LawyerChoice {
    return Object.assign(new LawyerChoice(), {
      id: randomUUID(),
      ...ReferralWorkUnit.recordOf(referral, actor, at),
      lawyerId: lawyer.mediatorId,
      lawyerName: lawyer.mediator!.name,
      firm: lawyer.firm,
      chosenByPartyPositions: [...input.chosenByPartyPositions].sort((a, b) => a - b),
      note: input.note ?? null,
      status,
      conflictSource: null,
      conflictPartyPosition: null,
      conflictPartyName: null,
      conflictRepresentationId: null,
      replacedByChoiceId: null,
      replacedAt: null,
    } satisfies LawyerChoice);
  }
}

function assertChoosersAreParties(positions: number[], parties: PartyLookupEntry[]): void {
  const unknown = positions.filter((p) => !parties.some((party) => party.position === p));
  if (unknown.length > 0)
    throw unprocessable(
      'chosenByPartyPositions',
      `the case has no party at position ${unknown.join(', ')}`,
      `案件中没有序号为 ${unknown.join('、')} 的当事人`,
    );
}

function conflictOfInterest(found: ConflictOfInterest, lawyer: LawyerProfile) {
  const party = maskPartyName(found.party);
  const name = lawyer.mediator!.name;
  return found.source === 'lawyer'
    ? conflict(
        `conflict of interest: ${name} acted for party ${party} before; choose another lawyer`,
        `该律师曾代理当事人${party}，存在利益冲突，请另行选择`,
      )
    : conflict(
        `conflict of interest: ${name}'s firm ${lawyer.firm} acted for party ${party} before; choose another lawyer`,
        `该律师所在律所（${lawyer.firm}）曾代理当事人${party}，存在利益冲突，请另行选择`,
      );
}

/** What every event about a choice says of it: which one, and the lawyer and firm chosen. */
const choiceFacts = (c: LawyerChoice) => ({ choiceId: c.id, lawyerId: c.lawyerId, firm: c.firm });

const sameSet = (a: number[], b: number[]) => a.length === new Set(b).size && b.every((x) => a.includes(x));
