import { chinaDate, DomainError, isCredentialValidOn } from '@liuhen/domain';
import { findSession, touchSession } from '../db/repos/session-repo';
import type { Executor } from '../db/client';
import { findUserById, listCredentialsOfUsers, type UserWithRoles } from '../db/repos/user-repo';
import { isWellFormedToken, sessionIdOf } from '../security/session-token';
import type { UseCaseContext, UserActor } from './context';

// Writing last_seen on every request would turn each read into a write; a minute's precision is enough.
const TOUCH_AFTER_MS = 60_000;

/** SEC-1: turns a session cookie into the acting user, refusing revoked, idle or expired sessions. */
export const resolveSession = async ({
  ctx,
  token,
}: {
  ctx: UseCaseContext;
  token: string | undefined;
}): Promise<UserActor> => {
  if (!token || !isWellFormedToken(token)) throw new DomainError('UNAUTHENTICATED');
  const session = await findSession(ctx.db, sessionIdOf(token));
  if (!session || session.revokedAt) throw new DomainError('UNAUTHENTICATED');
  const now = ctx.clock.now();
  const idleLimit = session.lastSeenAt.getTime() + ctx.session.idleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() >= idleLimit) throw new DomainError('SESSION_EXPIRED');
  const user = await findUserById(ctx.db, session.userId);
  if (!user || !user.isActive) throw new DomainError('UNAUTHENTICATED');
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(ctx.db, session.id, now);

  return buildUserActor(ctx.db, user, session.id, now);
};

export const buildUserActor = async (
  db: Executor,
  user: UserWithRoles,
  sessionId: string,
  now: Date,
): Promise<UserActor> => {
  const today = chinaDate(now);
  const credentials = await listCredentialsOfUsers(db, [user.id]);
  const valid = credentials.find((c) => isCredentialValidOn(c, today));

  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    sectionId: user.sectionId,
    roles: user.roles,
    credentialNumber: valid?.number ?? null,
    sessionId,
  };
};
