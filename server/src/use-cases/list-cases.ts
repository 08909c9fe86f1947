import { DomainError, isIsoDate, PROCEDURE_DEFINITIONS, PROCEDURE_TYPES } from '@liuhen/domain';

const KNOWN_SOURCES = new Set(PROCEDURE_DEFINITIONS.flatMap((d) => d.sources.map((s) => s.id)));
import { listCases as listCaseRows, type CaseListRow } from '../db/repos/case-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type CaseListQuery = {
  page?: number;
  pageSize?: number;
  q?: string;
  procedure?: string;
  source?: string;
  stage?: string;
  discoveredFrom?: string;
  discoveredTo?: string;
  mine?: boolean;
};

export type CaseListPage = { rows: CaseListRow[]; total: number; page: number; pageSize: number };

export const MAX_PAGE_SIZE = 100;

/** Cases of the actor's own agency, newest first; an upper level sees a lower level's only by call-up (ACCESS-3). */
export const listCases = async ({
  ctx,
  actor,
  query,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  query: CaseListQuery;
}): Promise<CaseListPage> => {
  authorize(actor, 'case.read');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const problems: { field: string; code: 'VALIDATION_FAILED' | 'UNKNOWN_CASE_SOURCE' | 'INVALID_DATE' }[] = [];
  if (!Number.isSafeInteger(page) || page < 1) problems.push({ field: 'page', code: 'VALIDATION_FAILED' });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    problems.push({ field: 'pageSize', code: 'VALIDATION_FAILED' });
  }
  const source = query.source?.trim() || null;
  if (source !== null && !KNOWN_SOURCES.has(source)) problems.push({ field: 'source', code: 'UNKNOWN_CASE_SOURCE' });
  const procedure = query.procedure?.trim() || null;
  if (procedure !== null && !(PROCEDURE_TYPES as readonly string[]).includes(procedure)) {
    problems.push({ field: 'procedure', code: 'VALIDATION_FAILED' });
  }
  const from = query.discoveredFrom?.trim() || null;
  const to = query.discoveredTo?.trim() || null;
  if (from !== null && !isIsoDate(from)) problems.push({ field: 'discoveredFrom', code: 'INVALID_DATE' });
  if (to !== null && !isIsoDate(to)) problems.push({ field: 'discoveredTo', code: 'INVALID_DATE' });
  if (problems.length > 0) {
    throw new DomainError(problems.length === 1 ? problems[0]!.code : 'VALIDATION_FAILED', { fields: problems });
  }

  const { rows, total } = await listCaseRows(ctx.db, {
    agencyId: actor.agencyId,
    q: query.q?.trim().slice(0, 100) || null,
    procedure,
    source,
    stage: query.stage?.trim() || null,
    discoveredFrom: from,
    discoveredTo: to,
    createdBy: query.mine ? actor.userId : null,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });

  return { rows, total, page, pageSize };
};
