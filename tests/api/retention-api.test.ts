import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { newCaseInput } from '../factories';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;
const cookies: Record<string, string> = {};
let caseId: string;
let evidenceId: string;

const USERS = ['officer1', 'officer2', 'archivist1', 'legal1', 'head1', 'supervisor1'];
const logInAll = async () => {
  for (const name of USERS) cookies[name] = await t.login(name);
};

const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, as: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[as]!, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

// A JPEG header, then filler: a scene photo, which is case-file material (30 years in a penalty case).
const jpeg = (size: number) => {
  const body = crypto.randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(body, 0);

  return body;
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  t.clock.set('2026-11-20T03:00:00.000Z');
  await logInAll();
  caseId = (await call('POST', '/api/cases', 'officer1', newCaseInput())).json().id;
  const officers = (await call('GET', '/api/officers', 'officer1')).json() as { id: string; displayName: string }[];
  const started = await call('POST', `/api/cases/${caseId}/evidence/uploads`, 'officer1', {
    kind: 'photo',
    filename: '现场照片.jpg',
    size: 50_000,
    recordedStartedAt: '2026-11-20T09:30:00+08:00',
    place: '示范市新城区建设路18号',
    officerIds: officers.filter((o) => o.displayName === '王明').map((o) => o.id),
    providedBy: 'agency',
  });
  expect(started.statusCode, started.body).toBe(201);
  const sent = await t.app.inject({
    method: 'PATCH',
    url: started.json().url,
    headers: {
      cookie: cookies.officer1!,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    },
    payload: jpeg(50_000),
  });
  expect(sent.statusCode).toBe(204);
  evidenceId = (await call('GET', `/api/cases/${caseId}/evidence`, 'officer1')).json().items[0].id;
});
afterAll(() => t.close());

const ledgerCount = async () => {
  await t.settle();

  return countLedgerEntries(t.ctx.db);
};

describe('retention facts over HTTP (RET-1)', () => {
  it('RET-1 refuses the unauthorised and the unknown with a code and a Chinese message, and stores nothing', async () => {
    const before = await ledgerCount();
    const forbidden = await call('POST', `/api/cases/${caseId}/retention-facts`, 'officer2', { fact: 'lawsuit' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const unknown = await call('POST', `/api/cases/${caseId}/retention-facts`, 'archivist1', { fact: 'whim' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unknown.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await ledgerCount()).toBe(before);
  });

  it('RET-1 previews, records once, and shows the fact on the case', async () => {
    const preview = await call('POST', `/api/cases/${caseId}/retention-facts?preview=true`, 'archivist1', {
      fact: 'lawsuit',
    });
    expect(preview.statusCode).toBe(200);
    // A photo in a penalty case already keeps the case file's term: the fact lengthens nothing.
    expect(preview.json()).toEqual({ factId: null, upgrades: [] });
    const recorded = await call('POST', `/api/cases/${caseId}/retention-facts`, 'archivist1', {
      fact: 'lawsuit',
      note: '当事人已向人民法院提起行政诉讼',
    });
    expect(recorded.statusCode).toBe(201);
    const again = await call('POST', `/api/cases/${caseId}/retention-facts`, 'archivist1', { fact: 'lawsuit' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'RETENTION_FACT_RECORDED', message: '本案已登记该事实' });
    const listed = (await call('GET', `/api/cases/${caseId}/evidence`, 'archivist1')).json();
    expect(listed.retentionFacts).toMatchObject([
      { fact: 'lawsuit', name: '当事人提起行政诉讼', isDerived: false, createdBy: { displayName: expect.any(String) } },
    ]);
    expect(listed.items[0].retention).toMatchObject({ retentionClass: 'case_file', retainUntil: '2056-12-31' });
    expect(listed.items[0].disposal).toMatchObject({ status: 'kept', canRequest: false });
    expect(listed.items[0].disposal.blockers.map((b: { id: string }) => b.id)).toEqual(['term_running']);
    expect(listed.canManageRetention).toBe(true);
  });
});

describe('legal hold and disposal over HTTP (RET-2)', () => {
  it('RET-2 walks a hold, its release, a request and the head approval, refusing each wrong step', async () => {
    const hold = await call('POST', `/api/cases/${caseId}/legal-holds`, 'legal1', { reason: '行政诉讼期间保全' });
    expect(hold.statusCode).toBe(201);
    expect((await call('POST', `/api/cases/${caseId}/legal-holds`, 'officer1', { reason: '保全' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/cases/${caseId}/legal-holds`, 'legal1', { reason: '' })).statusCode).toBe(400);

    // Past the 30-year term, which ran from 1 January 2027 through 2056.
    t.clock.set('2057-01-01T02:00:00.000Z');
    await logInAll();
    const held = await call('POST', `/api/evidence/${evidenceId}/disposal-requests`, 'archivist1', {
      reason: '保存期限届满',
    });
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ code: 'EVIDENCE_UNDER_HOLD', message: '证据处于保全（冻结）状态，不得销毁' });

    const preview = await call(
      'GET',
      `/api/evidence/disposal-preview?asOf=2057-01-01&releaseHoldId=${hold.json().id}`,
      'archivist1',
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json().disposable).toMatchObject([{ evidenceId, isFreedByRelease: true, blockers: [] }]);
    expect((await call('GET', '/api/evidence/disposal-preview?asOf=soon', 'archivist1')).statusCode).toBe(400);
    expect((await call('GET', '/api/evidence/disposal-preview?asOf=2057-01-01', 'officer2')).statusCode).toBe(403);

    const release = await call('POST', `/api/legal-holds/${hold.json().id}/release`, 'legal1', {
      reason: '判决已生效',
    });
    expect(release.statusCode).toBe(200);
    const twice = await call('POST', `/api/legal-holds/${hold.json().id}/release`, 'legal1', { reason: '再次' });
    expect(twice.json()).toMatchObject({ code: 'LEGAL_HOLD_RELEASED' });

    const request = await call('POST', `/api/evidence/${evidenceId}/disposal-requests`, 'archivist1', {
      reason: '保存期限届满，无延长保存事由',
    });
    expect(request.statusCode).toBe(201);
    const queue = await call('GET', '/api/evidence/disposal-requests', 'head1');
    expect(queue.json()).toMatchObject([
      { id: request.json().requestId, canDecide: true, evidence: { id: evidenceId }, decision: null },
    ]);
    expect((await call('GET', '/api/evidence/disposal-requests', 'officer2')).statusCode).toBe(403);

    const badDecision = await call(
      'POST',
      `/api/evidence/disposal-requests/${request.json().requestId}/decision`,
      'head1',
      { decision: 'approved', opinion: '' },
    );
    expect(badDecision.statusCode).toBe(400);
    const approved = await call(
      'POST',
      `/api/evidence/disposal-requests/${request.json().requestId}/decision`,
      'head1',
      { decision: 'approved', opinion: '同意销毁' },
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ decision: 'approved', isContentRemoved: true });

    const content = await call('GET', `/api/evidence/${evidenceId}/content`, 'head1');
    expect(content.statusCode).toBe(410);
    expect(content.json().code).toBe('EVIDENCE_DISPOSED');
    const item = (await call('GET', `/api/cases/${caseId}/evidence`, 'head1')).json().items[0];
    expect(item).toMatchObject({ contentUrl: null, downloadUrl: null, disposal: { status: 'disposed' } });
  });
});

describe('evidence settings over HTTP (AV-4, AV-6)', () => {
  it('AV-6 shows the three limits with their basis; only the head changes them', async () => {
    const shown = (await call('GET', '/api/evidence/settings', 'officer1')).json();
    expect(shown.avUpload).toBe('within_24_hours');
    expect(shown.presets[2]).toMatchObject({ id: 'by_end_of_working_day', citations: [{ source: 'S3' }] });
    const body = { avUpload: 'by_end_of_working_day', maxGapSeconds: 120 };
    expect((await call('PUT', '/api/evidence/settings', 'officer1', body)).statusCode).toBe(403);
    expect((await call('PUT', '/api/evidence/settings', 'head1', { ...body, maxGapSeconds: -1 })).statusCode).toBe(400);
    const changed = await call('PUT', '/api/evidence/settings', 'head1', body);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject(body);
  });
});
