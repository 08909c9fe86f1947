import { DomainError, LOCKOUT_POLICY, lockoutState, type LoginOutcome } from '@liuhen/domain';
import { insertLoginAttempt, insertSession, recentLoginAttempts } from '../db/repos/session-repo';
import { findUserByUsername } from '../db/repos/user-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import type { PasswordHasher } from '../security/passwords';
import { newSessionToken, sessionIdOf } from '../security/session-token';
import type { UseCaseContext, UserActor } from './context';
import { buildUserActor } from './resolve-session';

export type ClientInfo = { ip: string | null; userAgent: string | null };

export type LogInOptions = {
  ctx: UseCaseContext;
  input: { username: string; password: string };
  client: ClientInfo;
};

export type LoggedIn = { token: string; expiresAt: Date; actor: UserActor };

// An unknown username still costs one hash check, so response time does not reveal which names exist.
const timingDummies = new WeakMap<PasswordHasher, Promise<string>>();
const timingDummy = (passwords: PasswordHasher): Promise<string> => {
  let dummy = timingDummies.get(passwords);
  if (!dummy) {
    dummy = passwords.hash('liuhen-timing-dummy');
    timingDummies.set(passwords, dummy);
  }

  return dummy;
};

// Long enough to replay any lock still in force (see lockoutState).
const ATTEMPT_LOOKBACK_MS = 2 * (LOCKOUT_POLICY.windowMinutes + LOCKOUT_POLICY.lockMinutes) * 60_000;

/** SEC-1: password login with lockout; every attempt on a known account is a ledger entry. */
export const logIn = async ({ ctx, input, client }: LogInOptions): Promise<LoggedIn> => {
  const username = input.username.trim().toLowerCase();
  const user = await findUserByUsername(ctx.db, username);
  const now = ctx.clock.now();
  const attempt = (outcome: LoginOutcome, userId: string | null) => ({
    id: ctx.newId(),
    username: username.slice(0, 100),
    userId,
    outcome,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    at: now,
  });

  if (!user) {
    await ctx.passwords.verify(await timingDummy(ctx.passwords), input.password);
    await insertLoginAttempt(ctx.db, attempt('unknown_user', null));
    throw new DomainError('INVALID_CREDENTIALS');
  }

  const refuse = async (outcome: 'bad_password' | 'locked' | 'disabled') => {
    await ctx.db.transaction(async (tx) => {
      await insertLoginAttempt(tx, attempt(outcome, user.id));
      await appendLedgerEntry(tx, {
        agencyId: user.agencyId,
        entryId: ctx.newId(),
        actor: { userId: null, credentialNumber: null, via: 'web' },
        occurredAt: now,
        event: {
          type: 'auth.login_failed',
          subjectId: user.id,
          caseId: null,
          payload: { userId: user.id, reason: outcome },
        },
      });
    });
  };
  const lockState = async () =>
    lockoutState({
      attempts: (await recentLoginAttempts(ctx.db, user.id, new Date(now.getTime() - ATTEMPT_LOOKBACK_MS))).map(
        (a) => ({
          at: a.at,
          outcome: a.outcome as LoginOutcome,
        }),
      ),
      now,
    });

  if (!user.isActive) {
    await refuse('disabled');
    throw new DomainError('ACCOUNT_DISABLED');
  }
  const before = await lockState();
  if (before.lockedUntil) {
    await refuse('locked');
    throw new DomainError('ACCOUNT_LOCKED', { lockedUntil: before.lockedUntil.toISOString() });
  }
  if (!(await ctx.passwords.verify(user.passwordHash, input.password))) {
    await refuse('bad_password');
    const after = await lockState();
    if (after.lockedUntil) throw new DomainError('ACCOUNT_LOCKED', { lockedUntil: after.lockedUntil.toISOString() });
    throw new DomainError('INVALID_CREDENTIALS', { failuresLeft: after.failuresLeft });
  }

  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + ctx.session.maxHours * 3_600_000);
  const actor = await buildUserActor(ctx.db, user, sessionId, now);
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await insertLoginAttempt(tx, attempt('success', user.id));
    await appendLedgerEntry(tx, {
      agencyId: user.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'auth.login_succeeded', subjectId: user.id, caseId: null, payload: { userId: user.id } },
    });
  });

  return { token, expiresAt, actor };
};
