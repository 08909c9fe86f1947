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
