// SPEC tags S0-S4 are the seed regulations (shared/SPEC.md); the laws are cited by their Chinese short names.
export const LAW_SOURCES = [
  'S0',
  'S1',
  'S2',
  'S3',
  'S4',
  '行政处罚法',
  '行政强制法',
  '行政许可法',
  '民事诉讼法',
] as const;
export type LawSource = (typeof LAW_SOURCES)[number];

/** One legal basis: the source and its article, e.g. { source: '行政处罚法', article: '第六十条' } or { source: 'S4', article: '§12' }. */
export type Citation = { source: LawSource; article: string };

export const cite = (source: LawSource, article: string): Citation => ({ source, article });

export const formatCitation = (citation: Citation): string =>
  citation.source.startsWith('S')
    ? `${citation.source} ${citation.article}`
    : `《${citation.source}》${citation.article}`;

// Which procedure types each source governs; a source not listed governs all (S0, S2, S3, 民事诉讼法 on service).
const SOURCE_SCOPE: Partial<Record<LawSource, readonly string[]>> = {
  S1: ['licensing'],
  S4: ['penalty', 'inspection'],
  行政处罚法: ['penalty'],
  行政强制法: ['compulsion'],
  行政许可法: ['licensing'],
};

/**
 * SUP-2: a rule shared by every procedure cites, for one case, only the sources that govern its procedure (a licence
 * is not refused under the 行政处罚法); when none is specific to it, all are kept rather than none.
 */
export const citationsFor = (citations: readonly Citation[], procedureType: string): readonly Citation[] => {
  const governing = citations.filter((c) => SOURCE_SCOPE[c.source]?.includes(procedureType) ?? true);

  return governing.length > 0 ? governing : citations;
};
