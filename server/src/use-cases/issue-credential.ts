import { assertCredentialPeriod, DomainError } from '@liuhen/domain';
import { findCredentialByNumber, findUserById, insertCredential } from '../db/repos/user-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { Actor, UseCaseContext } from './context';

export type IssueCredentialOptions = {
  ctx: UseCaseContext;
  actor: Actor;
  input: { userId: string; number: string; field: string; issuer: string; validFrom: string; validTo: string };
};

/** ORG-2: records an enforcement credential (执法证) held by an officer. */
export const issueCredential = async ({ ctx, actor, input }: IssueCredentialOptions): Promise<{ id: string }> => {
  authorize(actor, 'people.manage');
  const number = input.number.trim().toUpperCase();
  const field = input.field.trim();
  const issuer = input.issuer.trim();
  const problems: { field: string; code: 'VALIDATION_FAILED' }[] = [];
  if (!/^[0-9A-Z-]{4,30}$/.test(number)) problems.push({ field: 'number', code: 'VALIDATION_FAILED' });
  if (field.length === 0 || field.length > 50) problems.push({ field: 'field', code: 'VALIDATION_FAILED' });
  if (issuer.length === 0 || issuer.length > 100) problems.push({ field: 'issuer', code: 'VALIDATION_FAILED' });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
  assertCredentialPeriod(input);

  return ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new DomainError('USER_NOT_FOUND', { id: input.userId });
    if (actor.kind === 'user' && actor.agencyId !== user.agencyId) throw new DomainError('FORBIDDEN');
    if (await findCredentialByNumber(tx, number)) throw new DomainError('CREDENTIAL_NUMBER_TAKEN', { number });
    const id = ctx.newId();
    const now = ctx.clock.now();
    const row = { id, userId: user.id, number, field, issuer, validFrom: input.validFrom, validTo: input.validTo };
    await insertCredential(tx, { ...row, createdAt: now });
    await appendLedgerEntry(tx, {
      agencyId: user.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'credential.issued',
        subjectId: id,
        caseId: null,
        payload: { credentialId: id, ...row },
      },
    });

    return { id };
  });
};
