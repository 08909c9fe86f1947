import { revokeSession } from '../db/repos/session-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import type { UseCaseContext, UserActor } from './context';

export const logOut = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }): Promise<void> => {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, actor.sessionId, now))) return;
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'auth.logged_out', subjectId: actor.userId, caseId: null, payload: { userId: actor.userId } },
    });
  });
};
