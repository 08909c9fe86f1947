import { listMajorCatalog } from '../db/repos/legal-review-repo';
import { authorize, can } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/** REVIEW-1: the agency's catalog, entries in force and withdrawn; it is public information, so any staff may read. */
export const listMajorCatalogOfAgency = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  authorize(actor, 'case.read');
  const rows = await listMajorCatalog(ctx.db, [actor.agencyId]);

  return { entries: rows, canManage: can(actor, 'review.catalog') };
};
