import { DomainError, isRole, isStrongPassword, recordDigest, type Role } from '@liuhen/domain';
import { findAgencyById, findSectionById } from '../db/repos/agency-repo';
import { findUserByUsername, insertUser } from '../db/repos/user-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { Actor, UseCaseContext } from './context';

export type CreateUserOptions = {
  ctx: UseCaseContext;
  actor: Actor;
  input: {
    agencyId: string;
    sectionId: string | null;
    username: string;
    displayName: string;
    password: string;
    roles: readonly string[];
    isDemo?: boolean;
  };
};

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

/** ORG-4: a person of an agency with one or more roles; the password is stored only as an argon2id hash. */
export const createUser = async ({ ctx, actor, input }: CreateUserOptions): Promise<{ id: string }> => {
  authorize(actor, 'people.manage');
  const username = input.username.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const problems: { field: string; code: 'VALIDATION_FAILED' | 'INVALID_ROLE' | 'WEAK_PASSWORD' }[] = [];
  if (!USERNAME.test(username)) problems.push({ field: 'username', code: 'VALIDATION_FAILED' });
  if (displayName.length === 0 || displayName.length > 50)
    problems.push({ field: 'displayName', code: 'VALIDATION_FAILED' });
  if (input.roles.length === 0 || !input.roles.every(isRole)) problems.push({ field: 'roles', code: 'INVALID_ROLE' });
  if (!isStrongPassword(input.password)) problems.push({ field: 'password', code: 'WEAK_PASSWORD' });
  if (problems.length > 0) {
    throw new DomainError(problems.length === 1 ? problems[0]!.code : 'VALIDATION_FAILED', { fields: problems });
  }
  if (actor.kind === 'user' && actor.agencyId !== input.agencyId) throw new DomainError('FORBIDDEN');
  const roles = [...new Set(input.roles as Role[])].sort();
  // Hashing takes a noticeable time; do it before the transaction holds any lock.
  const passwordHash = await ctx.passwords.hash(input.password);

  return ctx.db.transaction(async (tx) => {
    if (!(await findAgencyById(tx, input.agencyId))) throw new DomainError('AGENCY_NOT_FOUND', { id: input.agencyId });
    if (input.sectionId !== null) {
      const section = await findSectionById(tx, input.sectionId);
      if (!section || section.agencyId !== input.agencyId) {
        throw new DomainError('SECTION_NOT_FOUND', { id: input.sectionId });
      }
    }
    if (await findUserByUsername(tx, username)) throw new DomainError('USERNAME_TAKEN', { username });
    const id = ctx.newId();
    const now = ctx.clock.now();
    const row = {
      id,
      agencyId: input.agencyId,
      sectionId: input.sectionId,
      username,
      displayName,
      passwordHash,
      isActive: true,
      isDemo: input.isDemo ?? false,
      createdAt: now,
    };
    await insertUser(tx, row, roles);
    await appendLedgerEntry(tx, {
      agencyId: input.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'user.created',
        subjectId: id,
        caseId: null,
        payload: {
          userId: id,
          username,
          sectionId: input.sectionId,
          roles,
          recordSha256: recordDigest({ ...row, roles, createdAt: now.toISOString() }),
        },
      },
    });

    return { id };
  });
};
