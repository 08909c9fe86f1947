import { listDisposalRequestsOfAgency } from '../db/repos/retention-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize, can } from '../policies/permissions';
import { DomainError } from '@liuhen/domain';
import type { UseCaseContext, UserActor } from './context';

/** RET-2: the disposal requests of the agency, undecided first: the agency head's queue and the archivist's record. */
export const listDisposalRequests = async ({
  ctx,
  actor,
  isPendingOnly,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  isPendingOnly: boolean;
}) => {
  if (!can(actor, 'evidence.dispose') && !can(actor, 'retention.manage'))
    throw new DomainError('FORBIDDEN', { permission: 'evidence.dispose' });
  authorize(actor, 'case.read');
  const names = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u.displayName]));
  const rows = await listDisposalRequestsOfAgency(ctx.db, actor.agencyId, isPendingOnly);

  return rows.map((r) => ({
    ...r,
    requestedByName: names.get(r.request.requestedBy) ?? '',
    decidedByName: r.decision ? (names.get(r.decision.decidedBy) ?? '') : null,
    // Four eyes: the queue says which requests this person may not decide.
    canDecide: can(actor, 'evidence.dispose') && r.decision === null && r.request.requestedBy !== actor.userId,
  }));
};
