import {
  LawyerChoiceRefusedV1,
  LawyerChosenV1,
  LawyerSubjects,
  ReferralMediatorAssignedV1,
  type Actor,
  type LawyerChoiceView,
  type LawyerView,
  type Page,
} from '@fengqiao/contracts';
import {
  CITY_CLERK,
  CITY_STUDIO,
  CLERK,
  COORDINATOR,
  failure,
  idNumber,
  LawyerStudio,
  STUDIO,
} from './lawyer-studio';

let studio: LawyerStudio;

const ZHENGHE = '山东正和律师事务所';
const MINGDE = '山东明德律师事务所';
const WANG_ID = idNumber('19850315', 12);
const CHEN_ID = idNumber('19700101', 21);

/** The studio's roster for these tests. */
let zhang: LawyerView; // 正和: acted for 王某 (by ID number)
let zhao: LawyerView; // 正和: a colleague of 张, no history of their own
let sun: LawyerView; // 明德: acted for 陈某 (recorded without an ID number)
let qian: LawyerView; // 明德, not published
let zhou: LawyerView; // 明德, off duty
let wu: LawyerView; // another studio's lawyer

const choose = (referralId: string, body: object, actor: Actor = CLERK) =>
  studio.send<LawyerChoiceView>(LawyerSubjects.referralChooseLawyer, { referralId, ...body }, actor);
const ledger = (query: object = {}) =>
  studio.send<Page<LawyerChoiceView>>(LawyerSubjects.lawyerChoiceList, {
    agencyId: STUDIO,
    pageSize: 100,
    ...query,
  });

async function represent(lawyer: LawyerView, clientName: string, clientIdNumber?: string) {
  await studio.send(
    LawyerSubjects.representationRecord,
    {
      agencyId: lawyer.agencyId,
      lawyerId: lawyer.id,
      clientName,
      clientKind: 'person',
      ...(clientIdNumber ? { clientIdNumber } : {}),
      matter: `${clientName}民间借贷纠纷，代理一审`,
      from: '2023-05-01',
      to: '2023-12-31',
    },
    lawyer.agencyId === STUDIO ? CLERK : CITY_CLERK,
  );
}

beforeAll(async () => {
  studio = await LawyerStudio.start();
  zhang = await studio.register({ name: '张正和', firm: ZHENGHE });
  zhao = await studio.register({ name: '赵正和', firm: ZHENGHE });
  sun = await studio.register({ name: '孙明德', firm: MINGDE });
  qian = await studio.register({ name: '钱明德', firm: MINGDE, published: false });
  zhou = await studio.register({ name: '周明德', firm: MINGDE, onDuty: false });
  wu = await studio.register({ name: '吴市中心', firm: '山东青州公益律师事务所' }, CITY_STUDIO, CITY_CLERK);
  await represent(zhang, '王某', WANG_ID);
  await represent(sun, '陈某');
});

afterAll(async () => {
  await studio?.close();
});

describe('自主选择: the parties choose their lawyer from the published roster', () => {
  it('makes the chosen lawyer the mediator in charge and tells dispatch (agency.lawyer.chosen.v1)', async () => {
    const caseId = studio.aCase([{ name: '刘某' }, { name: '马某' }]);
    const referralId = await studio.anAcceptedReferral(caseId);
    const choice = await choose(referralId, {
      lawyerId: sun.id,
      chosenByPartyPositions: [1, 0],
      note: '双方共同选定',
    });
    expect(choice).toMatchObject({
      referralId,
      caseId,
      lawyerId: sun.id,
      lawyerName: '孙明德',
      firm: MINGDE,
      chosenByPartyPositions: [0, 1],
      status: 'chosen',
      note: '双方共同选定',
      recordedBy: CLERK.name,
    });
    expect(await studio.mediatorInCharge(referralId)).toBe(sun.id);
    // Dispatch was asked for the parties as the caller, so its own scope rules apply.
    expect(studio.partyLookups).toContainEqual({ actor: CLERK, caseId });

    const [chosen] = await studio.referralEvents(LawyerChosenV1, referralId);
    expect(chosen).toMatchObject({
      caseId,
      agencyId: STUDIO,
      agencyKind: 'lawyer',
      choiceId: choice.id,
      lawyerId: sun.id,
      firm: MINGDE,
      chosenByPartyPositions: [0, 1],
    });
    expect(chosen.replacesChoiceId).toBeUndefined();
    const [assigned] = await studio.referralEvents(ReferralMediatorAssignedV1, referralId);
    expect(assigned).toMatchObject({ mediatorId: sun.id, mediatorName: '孙明德' });
  });

  it('replaces an earlier choice, keeping it as history; the same choice again changes nothing', async () => {
    const referralId = await studio.anAcceptedReferral(studio.aCase([{ name: '刘某' }, { name: '马某' }]));
    const first = await choose(referralId, { lawyerId: sun.id, chosenByPartyPositions: [0] });
    const second = await choose(referralId, { lawyerId: zhao.id, chosenByPartyPositions: [0, 1] });
    const retried = await choose(referralId, { lawyerId: zhao.id, chosenByPartyPositions: [1, 0] });
    expect(retried.id).toBe(second.id);
    expect(await studio.mediatorInCharge(referralId)).toBe(zhao.id);

    const history = await ledger({ referralId });
    expect(history.items.map((c) => [c.lawyerName, c.status])).toEqual([
      ['赵正和', 'chosen'],
      ['孙明德', 'replaced'],
    ]);
    expect(history.items[1]).toMatchObject({ id: first.id, replacedByChoiceId: second.id });
    const events = await studio.referralEvents(LawyerChosenV1, referralId, 2);
    expect(events.map((e) => [e.lawyerId, e.replacesChoiceId])).toEqual([
      [sun.id, undefined],
      [zhao.id, first.id],
    ]);
    // The new lawyer takes the referral in charge from the one before, as the kit's assignment says.
    const assigned = await studio.referralEvents(ReferralMediatorAssignedV1, referralId, 2);
    expect(assigned.map((e) => [e.mediatorId, e.previousMediatorId])).toEqual([
      [sun.id, undefined],
      [zhao.id, sun.id],
    ]);
  });

  it('refuses a lawyer outside the published roster: unpublished, another studio’s, unknown (422), or off duty', async () => {
    const referralId = await studio.anAcceptedReferral(studio.aCase([{ name: '刘某' }, { name: '马某' }]));
    for (const lawyerId of [qian.id, wu.id, '7d3f6a52-93c4-4b1e-9a55-1f0e2b7c8d90']) {
      const refused = await failure(choose(referralId, { lawyerId, chosenByPartyPositions: [0, 1] }));
      expect(refused).toMatchObject({ status: 422, code: 'UNPROCESSABLE' });
      expect(refused.fields).toEqual([
        expect.objectContaining({ field: 'lawyerId', reasonZh: '不在公布的律师名录中' }),
      ]);
    }
    const offDuty = await failure(choose(referralId, { lawyerId: zhou.id, chosenByPartyPositions: [0] }));
    expect(offDuty).toMatchObject({ status: 422 });
    expect(offDuty.fields?.[0]).toMatchObject({
      field: 'lawyerId',
      reasonZh: '周明德当前不在岗，请另行选择',
    });
    const noSuchParty = await failure(
      choose(referralId, { lawyerId: sun.id, chosenByPartyPositions: [0, 5] }),
    );
    expect(noSuchParty.fields?.[0].field).toBe('chosenByPartyPositions');
    expect(await studio.mediatorInCharge(referralId)).toBeNull();
    expect((await ledger({ referralId })).total).toBe(0);
  });

  it('is for the studio’s own referrals in hand: 404 to another studio, 409 before 签收', async () => {
    const caseId = studio.aCase([{ name: '刘某' }]);
    const issued = await studio.anIssuedReferral(caseId);
    const early = await failure(choose(issued, { lawyerId: sun.id, chosenByPartyPositions: [0] }));
    expect(early).toMatchObject({ status: 409 });
    expect(early.messageZh).toContain('不能选择调解律师');
    const stranger = await failure(
      choose(issued, { lawyerId: sun.id, chosenByPartyPositions: [0] }, CITY_CLERK),
    );
    expect(stranger.status).toBe(404);
    expect((await failure(choose(issued, { lawyerId: sun.id, chosenByPartyPositions: [] }))).status).toBe(
      400,
    );
  });
});

describe('the conflict-of-interest check', () => {
  it('refuses a lawyer who acted for a party before (by ID number) with 409, and records the refusal', async () => {
    const caseId = studio.aCase([{ name: '王某', idNumber: WANG_ID }, { name: '李某' }]);
    const referralId = await studio.anAcceptedReferral(caseId);
    const refused = await failure(choose(referralId, { lawyerId: zhang.id, chosenByPartyPositions: [0, 1] }));
    expect(refused).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(refused.messageZh).toBe('该律师曾代理当事人王*，存在利益冲突，请另行选择');
    expect(refused.message).not.toContain('王某');
    expect(await studio.mediatorInCharge(referralId)).toBeNull();

    const [record] = (await ledger({ referralId })).items;
    expect(record).toMatchObject({
      lawyerId: zhang.id,
      status: 'refused',
      conflict: { source: 'lawyer', partyPosition: 0, partyName: '王*' },
    });
    const [event] = await studio.referralEvents(LawyerChoiceRefusedV1, referralId);
    expect(event).toMatchObject({
      choiceId: record.id,
      lawyerId: zhang.id,
      conflictSource: 'lawyer',
      partyPosition: 0,
    });
  });

  it('refuses a colleague at the same firm too (409), also recorded', async () => {
    const referralId = await studio.anAcceptedReferral(
      studio.aCase([{ name: '李某' }, { name: '王某', idNumber: WANG_ID }]),
    );
    const refused = await failure(choose(referralId, { lawyerId: zhao.id, chosenByPartyPositions: [0, 1] }));
    expect(refused).toMatchObject({ status: 409 });
    expect(refused.messageZh).toBe(`该律师所在律所（${ZHENGHE}）曾代理当事人王*，存在利益冲突，请另行选择`);
    expect((await ledger({ referralId, status: 'refused' })).items).toEqual([
      expect.objectContaining({
        lawyerId: zhao.id,
        conflict: expect.objectContaining({ source: 'firm', partyPosition: 1 }),
      }),
    ]);
  });

  it('matches by name when either side has no ID number', async () => {
    // 陈某 was recorded without an ID number; the party has one.
    const referralId = await studio.anAcceptedReferral(studio.aCase([{ name: '陈某', idNumber: CHEN_ID }]));
    const refused = await failure(choose(referralId, { lawyerId: sun.id, chosenByPartyPositions: [0] }));
    expect(refused.messageZh).toBe('该律师曾代理当事人陈*，存在利益冲突，请另行选择');
  });

  it('finds no conflict at a different firm, nor for a namesake with another ID number', async () => {
    const caseId = studio.aCase([{ name: '王某', idNumber: WANG_ID }, { name: '李某' }]);
    const referralId = await studio.anAcceptedReferral(caseId);
    // 明德 never acted for 王某; 孙 acted for 陈某, who is not a party.
    expect(await choose(referralId, { lawyerId: sun.id, chosenByPartyPositions: [0, 1] })).toMatchObject({
      status: 'chosen',
    });
    const namesake = await studio.anAcceptedReferral(
      studio.aCase([{ name: '王某', idNumber: idNumber('19921120', 33) }]),
    );
    expect(await choose(namesake, { lawyerId: zhang.id, chosenByPartyPositions: [0] })).toMatchObject({
      status: 'chosen',
      lawyerId: zhang.id,
    });
  });

  it("shows the studio's ledger to coordinators, not to another studio", async () => {
    expect(
      (
        await studio.send<Page<LawyerChoiceView>>(
          LawyerSubjects.lawyerChoiceList,
          { agencyId: STUDIO, status: 'refused' },
          COORDINATOR,
        )
      ).total,
    ).toBe(3);
    const other = await failure(
      studio.send(LawyerSubjects.lawyerChoiceList, { agencyId: STUDIO }, CITY_CLERK),
    );
    expect(other.status).toBe(403);
  });
});
