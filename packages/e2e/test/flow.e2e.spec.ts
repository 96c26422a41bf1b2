import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { aDispute, DEMO_AGENCY as AGENCIES, eventually } from '@fengqiao/testing';
import { TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await TestHub.start();
});

afterAll(async () => {
  await hub?.stop();
});

describe('one dispute handed across services', () => {
  it('register → refer → agency inbox → accept → close, with the timeline showing every step', async () => {
    const agencies = await hub.http('GET', '/api/v1/agencies?pageSize=100');
    expect(agencies.status).toBe(200);
    expect(new Set(agencies.body.items.map((a: { kind: string }) => a.kind))).toEqual(
      new Set(['police', 'judicial', 'people', 'lawyer', 'department']),
    );

    const registered = await hub.http('POST', '/api/v1/cases', aDispute());
    expect(registered.status).toBe(201);
    const caseId = registered.body.id;
    expect(registered.body.caseNumber).toMatch(/^370781-\d{4}-\d{6}$/);

    const referral = await hub.http('POST', `/api/v1/cases/${caseId}/referrals`, {
      agencyId: AGENCIES.huanglouCommittee,
      note: '请尽快联系双方',
    });
    expect(referral.status).toBe(201);
    const referralId = referral.body.id;

    const inbox = await eventually(
      () => hub.http('GET', `/api/v1/agencies/${AGENCIES.huanglouCommittee}/referrals?status=issued`),
      (r) => r.body.items?.some((x: { id: string }) => x.id === referralId),
    );
    expect(inbox.body.items.find((x: { id: string }) => x.id === referralId)).toMatchObject({
      caseNumber: registered.body.caseNumber,
      status: 'issued',
    });

    const accepted = await hub.as(
      'clerk.huanglou-committee',
      'POST',
      `/api/v1/referrals/${referralId}/accept`,
    );
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
    const closed = await hub.as('clerk.huanglou-committee', 'POST', `/api/v1/referrals/${referralId}/close`, {
      outcome: 'resolved',
      note: '双方达成调解协议',
      agreementSummary: '楼上住户承担维修费用',
    });
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);

    // The settlement also schedules the 一事一回访; its report reaches dispatch on its own consumer,
    // at the closing moment, so it may sit either side of the closing on the timeline.
    const steps = (r: { body: { timeline: { step: string }[] } }) => r.body.timeline.map((t) => t.step);
    const done = await eventually(
      () => hub.http('GET', `/api/v1/cases/${caseId}`),
      (r) => r.body.status === 'resolved' && steps(r).includes('follow_up_scheduled'),
    );
    expect(done.body.status).toBe('resolved');
    expect(steps(done).slice(0, 3)).toEqual(['case_registered', 'referral_issued', 'referral_accepted']);
    expect(steps(done).slice(3).sort()).toEqual(['follow_up_scheduled', 'referral_closed']);
    for (const step of done.body.timeline) {
      expect(step.actorName).toEqual(expect.any(String));
      expect(Date.parse(step.at)).not.toBeNaN();
    }
    const closedStep = done.body.timeline.find((t: { step: string }) => t.step === 'referral_closed');
    expect(closedStep.agencyName).toBe('黄楼街道人民调解委员会');
  });

  it('answers bad input with 400 naming each field in Chinese and English, and writes nothing', async () => {
    const before = await hub.count('SELECT 1 FROM dispatch.cases');
    const r = await hub.http('POST', '/api/v1/cases', {
      ...aDispute(),
      title: '',
      channel: 'fax',
      parties: [{ kind: 'person', role: 'applicant', name: '' }],
      surprise: 1,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const fields = r.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'channel', 'parties[0].name', 'surprise']));
    for (const f of r.body.error.fields) {
      expect(f.reason).toEqual(expect.any(String));
      expect(f.reasonZh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await hub.http('POST', '/api/v1/cases', '{not json')).status).toBe(400);
    expect((await hub.http('GET', '/api/v1/cases?pageSize=500')).status).toBe(400);
    expect(await hub.count('SELECT 1 FROM dispatch.cases')).toBe(before);
  });

  it('answers unknown ids with 404, impossible references with 422 and illegal transitions with 409', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await hub.http('GET', `/api/v1/cases/${unknown}`)).status).toBe(404);
    expect(
      (await hub.as('clerk.huanglou-committee', 'POST', `/api/v1/referrals/${unknown}/accept`)).status,
    ).toBe(404);
    expect((await hub.http('GET', `/api/v1/agencies/${unknown}/referrals`)).status).toBe(404);
    expect(
      (await hub.http('POST', '/api/v1/cases', aDispute({ jurisdictionCode: '370781007999' }))).status,
    ).toBe(422);

    const kase = await hub.http('POST', '/api/v1/cases', aDispute());
    const ref = await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
      agencyId: AGENCIES.huanglouPolice,
    });
    expect(
      (
        await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
          agencyId: AGENCIES.huanglouPolice,
        })
      ).status,
    ).toBe(409);
    await hub.inboxHas(AGENCIES.huanglouPolice, ref.body.id);
    const early = await hub.as('clerk.huanglou-police', 'POST', `/api/v1/referrals/${ref.body.id}/close`, {
      outcome: 'resolved',
      note: '提前办结',
      agreementSummary: '楼上住户承担维修费用',
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(early.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(
      (await hub.as('clerk.huanglou-police', 'POST', `/api/v1/referrals/${ref.body.id}/accept`)).status,
    ).toBe(200);
    expect(
      (await hub.as('clerk.huanglou-police', 'POST', `/api/v1/referrals/${ref.body.id}/accept`)).status,
    ).toBe(409);
  });

  it('gives a retried registration with the same Idempotency-Key the same case', async () => {
    const key = { 'Idempotency-Key': `e2e-${Date.now()}` };
    const first = await hub.http('POST', '/api/v1/cases', aDispute(), key);
    const retry = await hub.http('POST', '/api/v1/cases', aDispute(), key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.caseNumber).toBe(first.body.caseNumber);
  });

  it("leaves no party's ID or phone number in clear in the database, the logs or the JetStream store", async () => {
    const idNumber = '11010519491231002X';
    const phone = '13912345678';
    const kase = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({ parties: [{ kind: 'person', role: 'applicant', name: '赵某', idNumber, phone }] }),
    );
    expect(kase.status).toBe(201);
    expect(kase.body.parties[0]).toMatchObject({ idNumber: '1101**********002X', phone: '139****5678' });
    const ref = await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
      agencyId: AGENCIES.huanglouCommittee,
    });
    await hub.inboxHas(AGENCIES.huanglouCommittee, ref.body.id);
    expect(
      (await hub.as('clerk.huanglou-committee', 'POST', `/api/v1/referrals/${ref.body.id}/accept`)).status,
    ).toBe(200);
    // A rejected input must not leak through an error message or a log line either.
    const bad = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({
        parties: [{ kind: 'person', role: 'applicant', name: '钱某', idNumber: '110105194912310021', phone }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(phone);

    const written = hub.everythingWritten();
    expect(written).toContain(kase.body.caseNumber); // the dump did capture the case
    for (const secret of [idNumber, '110105194912310021', phone]) expect(written).not.toContain(secret);
  });

  it("records every command, carried out or refused, in each service's hash-chained audit log", async () => {
    const kase = await hub.http('POST', '/api/v1/cases', aDispute());
    const ref = await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
      agencyId: AGENCIES.huanglouCommittee,
    });
    await hub.inboxHas(AGENCIES.huanglouCommittee, ref.body.id);
    expect(
      (
        await hub.as('clerk.huanglou-committee', 'POST', `/api/v1/referrals/${ref.body.id}/close`, {
          outcome: 'resolved',
          note: '未签收先办结',
          agreementSummary: '楼上住户承担维修费用',
        })
      ).status,
    ).toBe(409);
    expect(
      (await hub.as('clerk.huanglou-committee', 'POST', `/api/v1/referrals/${ref.body.id}/accept`)).status,
    ).toBe(200);

    const dispatchLog = await hub.sql.query(
      'SELECT action, target, result, actor_id, origin, scope FROM dispatch.audit_log WHERE target = ANY($1) ORDER BY seq',
      [[kase.body.id, ref.body.id]],
    );
    expect(dispatchLog.rows.map((r) => [r.action, r.target, r.result])).toEqual([
      ['dispatch.case.register.v1', kase.body.id, 'ok'],
      ['dispatch.referral.issue.v1', ref.body.id, 'ok'],
    ]);
    const coordinator = await hub.sql.query(
      `SELECT id FROM identity.users WHERE username = 'coordinator.huanglou'`,
    );
    expect(dispatchLog.rows[0]).toMatchObject({
      actor_id: coordinator.rows[0].id,
      origin: expect.stringContaining('127.0.0.1'),
      scope: '370781007000',
    });
    const agencyLog = await hub.sql.query(
      'SELECT action, result FROM people_mediation.audit_log WHERE target = $1 ORDER BY seq',
      [ref.body.id],
    );
    expect(agencyLog.rows).toEqual([
      { action: 'people-mediation.referral.close.v1', result: '409 CONFLICT' },
      { action: 'people-mediation.referral.accept.v1', result: 'ok' },
    ]);

    const verify = execFileSync(process.execPath, [resolve(__dirname, '../../audit/dist/verify.cli.js')], {
      env: { ...process.env, DATABASE_URL: hub.db.url },
    }).toString();
    for (const schema of [
      'dispatch',
      'identity',
      'judicial_mediation',
      'lawyer_mediation',
      'notifications',
      'people_mediation',
      'police_mediation',
    ]) {
      expect(verify).toMatch(new RegExp(`^${schema}: intact, \\d+ entries$`, 'm'));
    }
  });

  it("lets an admin check every service's audit chain over HTTP", async () => {
    const r = await hub.as('admin', 'GET', '/api/v1/admin/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body.intact).toBe(true);
    expect(r.body.services.map((s: { service: string }) => s.service).sort()).toEqual([
      'dispatch',
      'identity',
      'judicial-mediation',
      'lawyer-mediation',
      'notifications',
      'people-mediation',
      'police-mediation',
    ]);
    expect(
      r.body.services.find((s: { service: string }) => s.service === 'dispatch').entries,
    ).toBeGreaterThan(0);
  });

  it('signs a demo user in over HTTP and refuses a wrong password with 401 in the error shape', async () => {
    const ok = await hub.anonymous('POST', '/api/v1/auth/login', {
      username: 'coordinator.huanglou',
      password: 'Fengqiao-demo-2026',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      expiresIn: 900,
      user: { role: 'coordinator', jurisdictionCode: '370781007000' },
    });
    expect(ok.body.accessToken.split('.')).toHaveLength(3);
    const refreshed = await hub.anonymous('POST', '/api/v1/auth/refresh', {
      refreshToken: ok.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    const bad = await hub.anonymous('POST', '/api/v1/auth/login', {
      username: 'coordinator.huanglou',
      password: 'wrong',
    });
    expect([bad.status, bad.body.error.code, bad.body.error.messageZh]).toEqual([
      401,
      'UNAUTHENTICATED',
      '用户名或密码错误',
    ]);
  });

  it('answers with security headers, refuses an oversized body with 413 and never names its framework', async () => {
    const res = await fetch(`${hub.hub.baseUrl}/api/v1/agencies`, {
      headers: { authorization: `Bearer ${await hub.token('coordinator.huanglou')}` },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    const huge = await hub.http('POST', '/api/v1/cases', aDispute({ description: 'x'.repeat(300 * 1024) }));
    expect([huge.status, huge.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('serves the OpenAPI document and a green health report naming every service and store', async () => {
    const docs = await hub.anonymous('GET', '/api/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/referrals/{referralId}/accept']),
    );
    const health = await hub.anonymous('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.stores).toEqual({ postgres: { status: 'up' }, nats: { status: 'up' } });
    expect(Object.keys(health.body.services).sort()).toEqual(
      [
        'dispatch',
        'identity',
        'judicial-mediation',
        'lawyer-mediation',
        'notifications',
        'people-mediation',
        'police-mediation',
      ].sort(),
    );
  });
});
