import { execFileSync } from 'node:child_process';
import { aDispute, DEMO_AGENCY, eventually } from '@fengqiao/testing';
import { TestHub } from './support/test-hub';

/**
 * The agencies' own work through the gateway, on the real hub: a committee mediates a dispute to an
 * agreement and closes it, its follow-up finds the dispute rebounded and dispatch reopens it; a 医患
 * dispute goes to the 医调委; the parties choose a lawyer from the roster and one is refused for a
 * conflict of interest. Each refusal is a clear 4xx.
 */
const CLERK = 'clerk.huanglou-committee';
const MEDIATOR = 'mediator.huanglou-committee';
const LAWYER_CLERK = 'clerk.huanglou-lawyer';
const POLICE_CLERK = 'clerk.huanglou-police';

let hub: TestHub;

beforeAll(async () => {
  hub = await TestHub.start();
});

afterAll(async () => {
  await hub?.stop();
});

/** A valid 18-digit 身份证号 (GB 11643 check character) from its first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Registers a dispute as the 黄楼 coordinator, refers it, and waits until the agency's inbox has it. */
async function referred(agencyId: string, dispute: object = aDispute(), options: object = {}) {
  const kase = await hub.http('POST', '/api/v1/cases', dispute);
  expect(kase.status).toBe(201);
  const ref = await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, { agencyId, ...options });
  expect(ref.status).toBe(201);
  await hub.inboxHas(agencyId, ref.body.id);
  return { caseId: kase.body.id as string, referralId: ref.body.id as string };
}

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe("a committee's work on a referral", () => {
  const applicantId = idNumber('37078119800101123');
  const respondentId = idNumber('37078119821212456');

  it('is accepted, mediated twice, agreed in a 调解协议书 PDF, closed, and reopened by a dissatisfied follow-up', async () => {
    const { caseId, referralId } = await referred(DEMO_AGENCY.huanglouCommittee);
    expect((await hub.as(CLERK, 'POST', `/api/v1/referrals/${referralId}/accept`)).status).toBe(200);

    // The committee's mediator 李明 signs in as mediator.huanglou-committee; the clerk puts them in charge.
    const users = await hub.as('admin', 'GET', '/api/v1/admin/users?pageSize=100');
    const mediatorUser = users.body.items.find((u: { username: string }) => u.username === MEDIATOR);
    const mediator = await hub.as(
      CLERK,
      'POST',
      `/api/v1/agencies/${DEMO_AGENCY.huanglouCommittee}/mediators`,
      {
        name: '李明',
        category: 'full_time',
        specialties: ['neighbour'],
        gold: true,
        userId: mediatorUser.id,
        phone: '13905361234',
      },
    );
    expect(mediator.status).toBe(201);
    expect(mediator.body.phone).not.toBe('13905361234'); // masked
    const assigned = await hub.as(CLERK, 'PUT', `/api/v1/referrals/${referralId}/mediator`, {
      mediatorId: mediator.body.id,
    });
    expect(assigned.status).toBe(200);

    // Two sessions: the first is adjourned (and starts the referral), the second agrees.
    const parties = [
      { name: '王某', role: 'party', partyPosition: 0 },
      { name: '李某', role: 'party', partyPosition: 1 },
    ];
    const first = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/sessions`, {
      heldAt: new Date().toISOString(),
      place: '黄楼街道人民调解室',
      mediatorIds: [mediator.body.id],
      participants: parties,
      summary: '双方陈述漏水经过，对维修费用分担分歧较大。',
      result: 'adjourned',
      nextSessionAt: new Date(Date.now() + 86400_000).toISOString(),
    });
    expect(first.status).toBe(201);
    const second = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/sessions`, {
      heldAt: new Date().toISOString(),
      place: '黄楼街道人民调解室',
      mediatorIds: [mediator.body.id],
      participants: parties,
      summary: '经释法说理，双方同意由楼上住户承担维修费用。',
      result: 'agreed',
    });
    expect(second.status).toBe(201);
    const sessions = await hub.as(CLERK, 'GET', `/api/v1/referrals/${referralId}/sessions`);
    expect(sessions.body.items.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2]);

    // The agreement, signed by both parties and the mediator; its PDF reads back as text.
    const drafted = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/agreement`, {
      parties: [
        { name: '王某', role: 'applicant', kind: 'person', idNumber: applicantId, address: '卢李村5号' },
        { name: '李某', role: 'respondent', kind: 'person', idNumber: respondentId, address: '卢李村7号' },
      ],
      facts: '李某家卫生间漏水，致王某家天花板受损，双方就维修费用协商未果。',
      terms: [
        { content: '李某于2026年12月10日前修复卫生间防水层。', performBy: '2026-12-10', method: '自行修复' },
        { content: '李某赔偿王某维修费人民币一千二百元。', performBy: '2026-12-31', method: '银行转账' },
      ],
      performance: { time: '2026年12月31日前', method: '按协议分项履行' },
      mediatorNames: ['李明'],
    });
    expect(drafted.status).toBe(201);
    const signed = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/agreement/sign`, {
      signedAt: new Date().toISOString(),
      signatories: [
        { partyPosition: 0, signedAt: new Date().toISOString() },
        { partyPosition: 1, signedAt: new Date().toISOString() },
      ],
    });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed');
    const pdf = await hub.binary(CLERK, `/api/v1/referrals/${referralId}/agreement.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    const text = pdfText(pdf.body).replace(/\s+/g, '');
    for (const expected of [
      '人民调解协议书',
      signed.body.number,
      '王某',
      '李某',
      applicantId,
      '李某赔偿王某维修费人民币一千二百元。',
      '李明',
    ])
      expect(text).toContain(expected.replace(/\s+/g, ''));

    // Closed by the mediator; the follow-up is scheduled at once.
    const closed = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/close`, {
      outcome: 'resolved',
      note: '双方达成调解协议',
      agreementSummary: '李某修复防水层并赔偿一千二百元',
    });
    expect(closed.status).toBe(200);
    const followUp = await hub.as(CLERK, 'GET', `/api/v1/referrals/${referralId}/follow-up`);
    expect(followUp.body.status).toBe('scheduled');

    // A session on the closed referral, and a follow-up by the mediator who closed it: refused.
    const late = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/sessions`, {
      heldAt: new Date().toISOString(),
      place: '调解室',
      mediatorIds: [mediator.body.id],
      participants: parties,
      summary: 'x',
      result: 'agreed',
    });
    expect(late.status).toBe(409);
    const byCloser = await hub.as(MEDIATOR, 'POST', `/api/v1/referrals/${referralId}/follow-up/record`, {
      method: 'phone',
      satisfaction: 'satisfied',
      rebound: false,
      note: '回访',
    });
    expect(byCloser.status).toBe(422);
    expect(byCloser.body.error.fields.map((p: { field: string }) => p.field)).toContain('recordedBy');

    // The clerk calls the parties: 不满意, the leak is back. Dispatch reopens the dispute as a new
    // referral to the committee, linked to this one.
    const recorded = await hub.as(CLERK, 'POST', `/api/v1/referrals/${referralId}/follow-up/record`, {
      method: 'phone',
      satisfaction: 'dissatisfied',
      rebound: true,
      note: '李某未修复防水层，漏水再次发生，王某不满意。',
    });
    expect(recorded.status).toBe(200);
    const reopened = await eventually(
      () => hub.http('GET', `/api/v1/cases/${caseId}`),
      (r) =>
        r.body.status === 'referred' &&
        r.body.referrals.some(
          (x: { reopenedFromReferralId?: string }) => x.reopenedFromReferralId === referralId,
        ),
    );
    const again = reopened.body.referrals.find(
      (x: { reopenedFromReferralId?: string }) => x.reopenedFromReferralId === referralId,
    );
    expect(again.agencyId).toBe(DEMO_AGENCY.huanglouCommittee);
    await hub.inboxHas(DEMO_AGENCY.huanglouCommittee, again.id);

    // Another agency's clerk cannot accept it.
    const foreign = await hub.as(POLICE_CLERK, 'POST', `/api/v1/referrals/${again.id}/accept`);
    expect([403, 404]).toContain(foreign.status);
  });
});

describe('a 医患 dispute', () => {
  it('is routed to the 医疗纠纷人民调解委员会 and reaches its inbox', async () => {
    const kase = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({
        title: '手术后遗症赔偿纠纷',
        description: '患者家属认为手术存在过错，要求医院赔偿。',
        disputeType: 'medical',
        parties: [
          { kind: 'person', role: 'applicant', name: '赵某' },
          { kind: 'organisation', role: 'respondent', name: '青州市某医院' },
        ],
      }),
    );
    expect(kase.status).toBe(201);
    const proposal = await hub.http('GET', `/api/v1/cases/${kase.body.id}/routing-proposal`);
    expect(proposal.status).toBe(200);
    expect(proposal.body.leads[0].agencyId).toBe(DEMO_AGENCY.medicalCommittee);
    const dispatched = await hub.http('POST', `/api/v1/cases/${kase.body.id}/dispatch`, {
      leadAgencyId: proposal.body.leads[0].agencyId,
    });
    expect(dispatched.status).toBe(201);
    const referralId: string = dispatched.body[0].id;
    await hub.inboxHas(DEMO_AGENCY.medicalCommittee, referralId);
    const profile = await hub.http(
      'GET',
      `/api/v1/agencies/${DEMO_AGENCY.medicalCommittee}/committee-profile`,
    );
    expect(profile.body.committeeKind).toBe('industry_medical');
  });
});

describe('lawyer mediation', () => {
  it('lets the parties choose a lawyer from the roster, refuses one for a conflict and one off the roster', async () => {
    // The parties chose lawyer mediation (律师介入调) for their neighbours' dispute.
    const { referralId } = await referred(DEMO_AGENCY.lawyerStudio, aDispute(), {
      chosenByParties: true,
      overrideReason: '双方当事人申请律师调解',
    });
    expect((await hub.as(LAWYER_CLERK, 'POST', `/api/v1/referrals/${referralId}/accept`)).status).toBe(200);
    const roster = await hub.as(
      LAWYER_CLERK,
      'GET',
      `/api/v1/lawyer-roster?agencyId=${DEMO_AGENCY.lawyerStudio}&pageSize=100`,
    );
    expect(roster.status).toBe(200);
    const byName = (name: string) => roster.body.items.find((l: { name: string }) => l.name === name);

    // 刘建国 once acted for 王某, a party here: refused, with the reason.
    const conflicted = await hub.as(LAWYER_CLERK, 'POST', `/api/v1/referrals/${referralId}/lawyer-choice`, {
      lawyerId: byName('刘建国').id,
      chosenByPartyPositions: [0, 1],
    });
    expect(conflicted.status).toBe(409);
    expect(conflicted.body).toMatchObject({ error: { messageZh: expect.stringContaining('利益冲突') } });

    // A lawyer who is not on the published roster.
    const outside = await hub.as(LAWYER_CLERK, 'POST', `/api/v1/referrals/${referralId}/lawyer-choice`, {
      lawyerId: '00000000-0000-4000-8000-0000000000aa',
      chosenByPartyPositions: [0, 1],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields.map((p: { field: string }) => p.field)).toContain('lawyerId');

    // 陈志强 of another firm: chosen, and in charge of the referral.
    const chosen = await hub.as(LAWYER_CLERK, 'POST', `/api/v1/referrals/${referralId}/lawyer-choice`, {
      lawyerId: byName('陈志强').id,
      chosenByPartyPositions: [0, 1],
    });
    expect(chosen.status).toBe(201);
    const inbox = await hub.as(
      LAWYER_CLERK,
      'GET',
      `/api/v1/agencies/${DEMO_AGENCY.lawyerStudio}/referrals?pageSize=100`,
    );
    const row = inbox.body.items.find((r: { id: string }) => r.id === referralId);
    expect(row.mediatorId).toBe(byName('陈志强').id);
  });
});
