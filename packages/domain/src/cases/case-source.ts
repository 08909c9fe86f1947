// PROC-2 / S4 §9-12: how a penalty case starts.
export const CASE_SOURCES = {
  complaint: { citation: 'S4 §9' }, // 举报登记: report by a citizen, legal person or organisation
  inspection: { citation: 'S4 §10' }, // found during an inspection
  transfer: { citation: 'S4 §11' }, // assigned from above or transferred by another body
  own_initiative: { citation: 'S4 §12' }, // the agency acts on its own authority
} as const;

export type CaseSource = keyof typeof CASE_SOURCES;

export const isCaseSource = (value: string): value is CaseSource => Object.hasOwn(CASE_SOURCES, value);

/** PROC-2: a newly registered case sits at its source stage (案件来源) until filing. */
export const INITIAL_STAGE = 'source';
