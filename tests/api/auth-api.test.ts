import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSecurityEvents } from '../../server/src/db/repos/session-repo';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
});
afterAll(() => t.close());

describe('GET /api/health and /api/meta', () => {
  it('reports ok and the database kind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('tells the login page that demo accounts exist', async () => {
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json();
    expect(meta.isDemo).toBe(true);
    expect(meta.demoPassword).toBe('liuhen-demo');
    expect(meta.demoUsers.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['officer1', 'officer2', 'legal1', 'head1', 'archivist1', 'supervisor1', 'sysadmin1']),
    );
  });
});

describe('POST /api/auth/login (SEC-1)', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer1', password: 'liuhen-demo' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'liuhen_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { user } = response.json();
    expect(user).toMatchObject({
      username: 'officer1',
      displayName: '王明',
      agency: { name: '示范市住房和城乡建设局' },
    });
    expect(user.permissions).toEqual({
      canCreateCase: true,
      canReadCases: true,
      canViewPeople: false,
      canInspectLedger: false,
      canRecord: true,
      canAdvance: true,
      canManageCalendar: false,
      canUploadEvidence: true,
      canDownloadEvidence: false,
      canManageDevices: false,
      canCheckDevices: true,
      canAuditEvidence: false,
      canDisposeEvidence: false,
      // 王明 is also a lead officer (承办人), who records the facts that lengthen retention.
      canManageRetention: true,
      canManageLegalHolds: false,
      canConfigureEvidence: false,
      canManageMajorCatalog: false,
      // REVIEW-2: the drafting officer submits the decision for legal review.
      canSubmitLegalReview: true,
      canDecideLegalReview: false,
      canExtendLegalReview: false,
      canRuleLegalReview: false,
      canOverseeLegalReviews: false,
      canGenerateDocuments: true,
    });
    expect(user.credentials[0]).toMatchObject({ number: '99010026001', isValid: true });
    expect(JSON.stringify(user)).not.toMatch(/argon2|passwordHash/);
  });

  it('answers 401 with a code and a Chinese message for a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer2', password: 'nope-nope-nope' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误',
      details: { failuresLeft: 4 },
    });
    expect(response.cookies).toHaveLength(0);
  });

  it('answers 423 once the account is locked', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) {
      last = (
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'legal1', password: 'x' } })
      ).statusCode;
    }
    expect(last).toBe(423);
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'legal1', password: 'liuhen-demo' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a body that is not the login shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer1' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.fields).toEqual([
      { field: 'password', code: 'VALIDATION_FAILED', message: '缺少必填字段' },
    ]);
  });
});

describe('sessions over HTTP', () => {
  it('serves /api/auth/me to the cookie holder and 401 to others, and logs every denial (SEC-2)', async () => {
    const cookie = await t.login('head1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['agency_head']);

    const before = (await listSecurityEvents(t.ctx.db)).length;
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'liuhen_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
    const events = await listSecurityEvents(t.ctx.db);
    expect(events.length).toBe(before + 2);
    expect(events.at(-1)).toMatchObject({
      kind: 'authentication_failed',
      code: 'UNAUTHENTICATED',
      method: 'GET',
      path: '/api/auth/me',
    });
  });

  it('ends the session at logout', async () => {
    const cookie = await t.login('archivist1');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'liuhen_session')?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('reports an idle session as expired', async () => {
    const cookie = await t.login('supervisor1');
    t.clock.advance(31 * 60_000);
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('SESSION_EXPIRED');
  });
});
