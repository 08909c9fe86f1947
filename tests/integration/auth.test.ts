import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { findSession, recentLoginAttempts } from '../../server/src/db/repos/session-repo';
import { logIn } from '../../server/src/use-cases/log-in';
import { logOut } from '../../server/src/use-cases/log-out';
import { resolveSession } from '../../server/src/use-cases/resolve-session';
import { sessionIdOf } from '../../server/src/security/session-token';
import { refusalOf } from '../support/domain-error';
import { createTestContext, type TestContext } from '../support/test-context';
import { buildAgency, buildUser } from '../factories';

let t: TestContext;
let agencyId: string;
const client = { ip: '10.0.0.8', userAgent: 'vitest' };

beforeAll(async () => {
  t = await createTestContext();
  agencyId = (await buildAgency(t.ctx)).id;
});
afterAll(() => t.close());

const ledgerTypes = async () => {
  await t.settle();

  return (await listLedgerEntries(t.ctx.db, agencyId)).map(
    (e) => JSON.parse(new TextDecoder().decode(e.leaf)).type as string,
  );
};

describe('login (SEC-1)', () => {
  it('stores only the argon2id hash and a hashed session id, and records the login in the ledger', async () => {
    const { id, username } = await buildUser(t.ctx, { agencyId, roles: ['officer'] });
    const result = await logIn({
      ctx: t.ctx,
      input: { username: username.toUpperCase(), password: 'liuhen-demo' },
      client,
    });
    expect(result.actor).toMatchObject({ userId: id, agencyId, roles: ['officer'] });
    const session = await findSession(t.ctx.db, sessionIdOf(result.token));
    expect(session).toMatchObject({ userId: id, ip: '10.0.0.8', revokedAt: null });
    expect(await findSession(t.ctx.db, result.token)).toBeNull();
    expect(result.expiresAt.getTime() - t.clock.now().getTime()).toBe(12 * 3_600_000);
    expect((await ledgerTypes()).at(-1)).toBe('auth.login_succeeded');
  });

  it('says the same for an unknown user and a wrong password, and counts down the attempts left', async () => {
    const { username } = await buildUser(t.ctx, { agencyId, roles: ['officer'] });
    expect((await refusalOf(logIn({ ctx: t.ctx, input: { username: 'nobody', password: 'x' }, client }))).code).toBe(
      'INVALID_CREDENTIALS',
    );
    const wrong = await refusalOf(logIn({ ctx: t.ctx, input: { username, password: 'wrong-password' }, client }));
    expect(wrong).toEqual({ code: 'INVALID_CREDENTIALS', details: { failuresLeft: 4 } });
    expect((await ledgerTypes()).at(-1)).toBe('auth.login_failed');
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const { id, username } = await buildUser(t.ctx, { agencyId, roles: ['officer'] });
    const attempt = (password: string) => refusalOf(logIn({ ctx: t.ctx, input: { username, password }, client }));
    for (let i = 0; i < 4; i++) {
      expect((await attempt('wrong-password')).code).toBe('INVALID_CREDENTIALS');
      t.clock.advance(10_000);
    }
    const fifth = await attempt('wrong-password');
    expect(fifth.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date((fifth.details as { lockedUntil: string }).lockedUntil);
    expect(lockedUntil.getTime() - t.clock.now().getTime()).toBe(15 * 60_000);

    t.clock.advance(14 * 60_000);
    expect((await attempt('liuhen-demo')).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(60_000);
    expect((await attempt('liuhen-demo')).code).toBe('none');

    const outcomes = (await recentLoginAttempts(t.ctx.db, id, new Date(0))).map((a) => a.outcome);
    expect(outcomes.sort()).toEqual(
      ['bad_password', 'bad_password', 'bad_password', 'bad_password', 'bad_password', 'locked', 'success'].sort(),
    );
  });
});

describe('sessions (SEC-1)', () => {
  it('expire after 30 idle minutes and after 12 hours at most', async () => {
    const { username } = await buildUser(t.ctx, { agencyId, roles: ['officer'] });
    const { token } = await logIn({ ctx: t.ctx, input: { username, password: 'liuhen-demo' }, client });
    t.clock.advance(29 * 60_000);
    await expect(resolveSession({ ctx: t.ctx, token })).resolves.toMatchObject({ username });
    t.clock.advance(29 * 60_000);
    await expect(resolveSession({ ctx: t.ctx, token })).resolves.toMatchObject({ username });
    t.clock.advance(30 * 60_000);
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token }))).code).toBe('SESSION_EXPIRED');

    const second = await logIn({ ctx: t.ctx, input: { username, password: 'liuhen-demo' }, client });
    // Active every 29 minutes: 24 touches keep it alive through 11.6 hours, then the 12-hour cap ends it.
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      await expect(resolveSession({ ctx: t.ctx, token: second.token })).resolves.toMatchObject({ username });
    }
    t.clock.advance(29 * 60_000);
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token: second.token }))).code).toBe('SESSION_EXPIRED');
  });

  it('end at logout, which is a ledger entry', async () => {
    const { username } = await buildUser(t.ctx, { agencyId, roles: ['officer'] });
    const { token, actor } = await logIn({ ctx: t.ctx, input: { username, password: 'liuhen-demo' }, client });
    await logOut({ ctx: t.ctx, actor });
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token }))).code).toBe('UNAUTHENTICATED');
    expect((await ledgerTypes()).at(-1)).toBe('auth.logged_out');
  });

  it('refuse malformed and unknown tokens', async () => {
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token: undefined }))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token: "x' or 1=1 --" }))).code).toBe('UNAUTHENTICATED');
    expect((await refusalOf(resolveSession({ ctx: t.ctx, token: 'A'.repeat(43) }))).code).toBe('UNAUTHENTICATED');
  });
});
