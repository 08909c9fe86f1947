import { addDays } from '../calendar/iso-date';
import { cite, type Citation } from '../procedures/citation';
import type { ProcedureType } from '../procedures/types';
import { isAvEvidenceKind } from './evidence-metadata';
import type { EvidenceKind } from './file-type';

const RETENTION_BASIS = [cite('S2', '第十九条'), cite('S3', '附件2 第十七条')] as const;

/** RET-1: the facts that keep audio-video as long as the case file (S2 第十九条, S3 附件2 第十七条). */
export const RETENTION_FACTS = {
  objection: { name: '当事人对执法行为有异议', citations: RETENTION_BASIS },
  complaint: { name: '当事人投诉', citations: RETENTION_BASIS },
  petition: { name: '当事人信访', citations: RETENTION_BASIS },
  reconsideration: { name: '当事人申请行政复议', citations: [cite('S3', '附件2 第十七条')] },
  lawsuit: { name: '当事人提起行政诉讼', citations: [cite('S3', '附件2 第十七条')] },
  obstruction: { name: '当事人逃避、拒绝、阻碍执法', citations: RETENTION_BASIS },
  violence: { name: '暴力抗法', citations: RETENTION_BASIS },
  mass_incident: { name: '涉及群体性事件', citations: RETENTION_BASIS },
  emergency: { name: '涉及重大突发事件', citations: RETENTION_BASIS },
  major_case: { name: '重大、复杂案件', citations: [cite('S3', '附件2 第十七条')] },
} as const satisfies Record<string, { name: string; citations: readonly Citation[] }>;
export type RetentionFact = keyof typeof RETENTION_FACTS;
export const RETENTION_FACT_IDS = Object.keys(RETENTION_FACTS) as RetentionFact[];
export const isRetentionFact = (value: unknown): value is RetentionFact =>
  typeof value === 'string' && Object.hasOwn(RETENTION_FACTS, value);

/** RET-1: audio-video is kept at least six months (S2 第十九条, S3 附件2 第十七条). */
export const AV_MINIMUM_MONTHS = 6;

/**
 * RET-1: the case file's term by procedure, from the archive schedule (定期 10 年 / 30 年); the term runs from 1 January
 * of the year after the records were made, as archive terms do. Data, so an agency's schedule is a data change.
 */
export const CASE_FILE_TERMS: Record<ProcedureType, { years: number; citations: readonly Citation[] }> = {
  penalty: { years: 30, citations: [cite('S2', '第十九条'), cite('S4', '第三十三条')] },
  compulsion: { years: 30, citations: [cite('S2', '第十九条'), cite('S3', '附件2 第十七条')] },
  licensing: { years: 30, citations: [cite('S1', '第二十九条')] },
  inspection: { years: 10, citations: [cite('S4', '第四十五条')] },
};

// Evidence in these procedures supports a decision about the party: it is the case's evidence from the start.
const EVIDENTIARY_PROCEDURES: readonly ProcedureType[] = ['penalty', 'compulsion'];

export type RetentionClass = 'av_minimum' | 'case_file';

export type RetentionTerm = {
  retentionClass: RetentionClass;
  /** The last day the original must be kept (China date). */
  retainUntil: string;
  reasons: { id: string; name: string; citations: readonly Citation[] }[];
};

const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();

  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

/**
 * RET-1, RET-2: how long one original must be kept, from the case's facts. Audio-video alone: six months from the
 * recording; as long as the case file when it is the case's evidence or any fact of RETENTION_FACTS holds; every other
 * kind (photos, scans, electronic data) is case-file material. The result only ever lengthens as facts are added.
 */
export const retentionTermFor = ({
  kind,
  recordedOn,
  procedureType,
  facts,
}: {
  kind: EvidenceKind;
  /** The China date the recording started. */
  recordedOn: string;
  procedureType: ProcedureType;
  facts: readonly RetentionFact[];
}): RetentionTerm => {
  const caseFile = CASE_FILE_TERMS[procedureType];
  const caseFileUntil = addDays(`${Number(recordedOn.slice(0, 4)) + 1 + caseFile.years}-01-01`, -1);
  const reasons: RetentionTerm['reasons'] = [...new Set(facts)].map((id) => ({ id, ...RETENTION_FACTS[id] }));
  if (!isAvEvidenceKind(kind)) {
    reasons.unshift({ id: 'case_material', name: '案卷材料', citations: caseFile.citations });
  } else if (EVIDENTIARY_PROCEDURES.includes(procedureType)) {
    reasons.unshift({ id: 'evidence', name: '作为执法行为的必要证据', citations: RETENTION_BASIS });
  }
  if (reasons.length > 0) return { retentionClass: 'case_file', retainUntil: caseFileUntil, reasons };

  return {
    retentionClass: 'av_minimum',
    retainUntil: addMonths(recordedOn, AV_MINIMUM_MONTHS),
    reasons: [{ id: 'av_minimum', name: '音像记录保存不少于6个月', citations: RETENTION_BASIS }],
  };
};

/** RET-2: a term never shortens; of two, the later one holds. */
export const laterTerm = (current: RetentionTerm | null, next: RetentionTerm): RetentionTerm =>
  current && current.retainUntil >= next.retainUntil ? current : next;
