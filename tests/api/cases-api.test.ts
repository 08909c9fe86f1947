import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCaseParties, countCases } from '../../server/src/db/repos/case-repo';
import { countLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { listSecurityEvents } from '../../server/src/db/repos/session-repo';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestApp;
let officer: string;
let sysadmin: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  officer = await t.login('officer1');
  sysadmin = await t.login('sysadmin1');
});
afterAll(() => t.close());

const post = (payload: unknown, cookie: string | null = officer, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

const counts = async () => ({
  cases: await countCases(t.ctx.db),
  parties: await countCaseParties(t.ctx.db),
  entries: await countLedgerEntries(t.ctx.db),
});

describe('POST /api/cases (PROC-2)', () => {
  it('creates a case and answers 201 with its number, party and timeline', async () => {
    const response = await post(newCaseInput());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      number: '示范住建罚立〔2026〕1号',
      procedure: 'penalty',
      stage: 'source',
      source: 'complaint',
      partyName: '张三',
      createdBy: { displayName: '王明' },
      agency: { name: '示范市住房和城乡建设局' },
      party: { kind: 'person', idNumber: '11010519491231002X', creditCode: null },
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timeline).toHaveLength(1);
    expect(body.timeline[0]).toMatchObject({ type: 'case.created', via: 'web', actor: { displayName: '王明' } });
    expect(body.timeline[0].leafHash).toMatch(/^[0-9a-f]{64}$/);
  });

  // SEC-3: each of these is a 4xx with its code, and not one row is written.
  const refusals: [string, () => ReturnType<typeof post>, number, string][] = [
    ['malformed JSON', () => post('{"source": "complaint",'), 400, 'MALFORMED_JSON'],
    ['an empty body', () => post(''), 400, 'MALFORMED_JSON'],
    ['missing fields', () => post({ source: 'complaint' }), 400, 'VALIDATION_FAILED'],
    ['a field of the wrong type', () => post({ ...newCaseInput(), place: 42 }), 400, 'VALIDATION_FAILED'],
    ['an unknown field', () => post({ ...newCaseInput(), priority: 'high' }), 400, 'VALIDATION_FAILED'],
    [
      'a wrong ID number',
      () => post(newCaseInput({ party: { kind: 'person', name: '张三', idNumber: '110105194912310021' } })),
      400,
      'INVALID_ID_NUMBER',
    ],
    [
      'a wrong credit code',
      () =>
        post(
          newCaseInput({
            party: {
              kind: 'organization',
              name: '某公司',
              creditCode: '91350100M000100Y44',
              legalRepresentative: '李四',
            },
          }),
        ),
      400,
      'INVALID_CREDIT_CODE',
    ],
    ['an unknown source', () => post(newCaseInput({ source: 'rumour' })), 400, 'UNKNOWN_CASE_SOURCE'],
    ['a future discovery date', () => post(newCaseInput({ discoveredOn: '2026-11-21' })), 400, 'DATE_IN_FUTURE'],
    ['an oversized body', () => post(newCaseInput({ summary: '违'.repeat(40_000) })), 413, 'BODY_TOO_LARGE'],
    [
      'a form post',
      () => post('source=complaint', officer, { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a text/plain post', () => post('{}', officer, { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no session', () => post(newCaseInput(), null), 401, 'UNAUTHENTICATED'],
    ['a role that may not register cases', () => post(newCaseInput(), sysadmin), 403, 'FORBIDDEN'],
  ];
  for (const [what, send, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code} and writes nothing (SEC-3)`, async () => {
      const before = await counts();
      const response = await send();
      expect(response.statusCode).toBe(status);
      const body = response.json();
      expect(body.code).toBe(code);
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await counts()).toEqual(before);
    });
  }

  it('names every bad field with a Chinese message the form can show', async () => {
    const response = await post({
      ...newCaseInput(),
      place: '',
      discoveredOn: '2026-02-30',
      party: { kind: 'person', name: '张三', idNumber: '1' },
    });
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [
          { field: 'place', code: 'VALIDATION_FAILED', message: '此项必填或格式不正确' },
          { field: 'discoveredOn', code: 'INVALID_DATE' },
          { field: 'party.idNumber', code: 'INVALID_ID_NUMBER' },
        ],
      },
    });
  });

  it('logs the wrong-role request as an access denial (SEC-2)', async () => {
    const before = (await listSecurityEvents(t.ctx.db)).length;
    await post(newCaseInput(), sysadmin);
    const events = await listSecurityEvents(t.ctx.db);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      kind: 'access_denied',
      code: 'FORBIDDEN',
      method: 'POST',
      path: '/api/cases',
    });
  });
});

describe('GET /api/cases and /api/cases/:id', () => {
  it('lists with filters and pagination', async () => {
    await post(newCaseInput({ source: 'inspection', place: '示范市高新区科技大道1号' }));
    await post(newCaseInput({ source: 'transfer', sourceDetail: '市12345热线转办' }));
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/cases?pageSize=2&page=1',
      headers: { cookie: officer },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().items[0].number).toBe('示范住建罚立〔2026〕3号');

    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/cases?source=inspection&q=${encodeURIComponent('高新区')}&mine=true`,
      headers: { cookie: officer },
    });
    expect(filtered.json().items.map((c: { source: string }) => c.source)).toEqual(['inspection']);

    const bad = await t.app.inject({ method: 'GET', url: '/api/cases?pageSize=500', headers: { cookie: officer } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/cases?source=rumour',
      headers: { cookie: officer },
    });
    expect(unknown.json().code).toBe('UNKNOWN_CASE_SOURCE');
    const admin = await t.app.inject({ method: 'GET', url: '/api/cases', headers: { cookie: sysadmin } });
    expect(admin.statusCode).toBe(403);
  });

  it('shows the detail with the timeline, and refuses the administrator triad (ORG-4)', async () => {
    const { id } = (await post(newCaseInput())).json();
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${id}`,
      headers: { cookie: await t.login('officer2') },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().timeline.map((e: { type: string }) => e.type)).toEqual(['case.created', 'case.viewed']);
    for (const username of ['sysadmin1', 'secadmin1', 'auditor1', 'devicekeeper1']) {
      const denied = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${id}`,
        headers: { cookie: await t.login(username) },
      });
      expect(denied.statusCode).toBe(403);
    }
  });

  it('answers 404 for an unknown case and 400 for a malformed id', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/cases/01a1ffec-0000-7000-8000-000000000000',
      headers: { cookie: officer },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      code: 'CASE_NOT_FOUND',
      message: '案件不存在或不属于本机关',
      details: { id: '01a1ffec-0000-7000-8000-000000000000' },
    });
    const malformed = await t.app.inject({
      method: 'GET',
      url: "/api/cases/1' or '1'='1",
      headers: { cookie: officer },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });
});
