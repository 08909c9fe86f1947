import type { CaseListQuery } from './cases';

export const queryKeys = {
  meta: ['meta'] as const,
  me: ['auth', 'me'] as const,
  cases: ['cases'] as const,
  caseList: (query: CaseListQuery) => ['cases', 'list', query] as const,
  caseDetail: (id: string) => ['cases', 'detail', id] as const,
  caseWorkspace: (id: string) => ['cases', 'workspace', id] as const,
  procedures: ['procedures'] as const,
  officers: ['officers'] as const,
  myWork: ['my-work'] as const,
  calendarYear: (year: number) => ['calendar', year] as const,
  calendar: ['calendar'] as const,
  people: ['people'] as const,
  ledgerIntegrity: ['ledger', 'integrity'] as const,
  ledgerEntryProof: (code: string, seq: number) => ['ledger', 'entry-proof', code, seq] as const,
  evidenceCatalog: ['evidence', 'catalog'] as const,
  caseEvidence: (caseId: string) => ['evidence', 'case', caseId] as const,
  caseUploads: (caseId: string) => ['evidence', 'uploads', caseId] as const,
};

/** Keys that survive a change of user: everything else belongs to the signed-in account. */
export const isPublicQueryKey = (key: readonly unknown[]): boolean => key[0] === 'meta' || key[0] === 'auth';
