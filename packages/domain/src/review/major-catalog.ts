import type { AgencyLevel } from '../org/roles';
import { cite, type Citation } from '../procedures/citation';

/** REVIEW-1 (S3 附件3 第四条): the catalog is drawn up by category, level, field and amount of the decision. */
export const MAJOR_CATALOG_CITATIONS: readonly Citation[] = [cite('S3', '附件3 第四条')];

export const ENFORCEMENT_FIELDS = [
  { value: 'construction_market', label: '建筑市场' },
  { value: 'construction_quality_safety', label: '工程质量安全' },
  { value: 'real_estate', label: '房地产市场' },
  { value: 'property_management', label: '物业管理' },
  { value: 'urban_planning', label: '城乡规划' },
  { value: 'urban_management', label: '市容环境和城市管理' },
  { value: 'municipal_utilities', label: '市政公用' },
  { value: 'other', label: '其他' },
] as const satisfies readonly { value: string; label: string }[];
export type EnforcementField = (typeof ENFORCEMENT_FIELDS)[number]['value'];

export const MAJOR_CATALOG_CATEGORIES = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'compulsion', label: '行政强制' },
  { value: 'licensing', label: '行政许可' },
] as const satisfies readonly { value: string; label: string }[];
export type MajorCatalogCategory = (typeof MAJOR_CATALOG_CATEGORIES)[number]['value'];

export const MAJOR_CATALOG_LEVELS = [
  { value: 'any', label: '各级' },
  { value: 'region', label: '市（州）级以上' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县级' },
] as const satisfies readonly { value: 'any' | AgencyLevel; label: string }[];
export type MajorCatalogLevel = (typeof MAJOR_CATALOG_LEVELS)[number]['value'];

export const MAJOR_CATALOG_PARTY_TYPES = [
  { value: 'any', label: '不限' },
  { value: 'individual', label: '自然人' },
  { value: 'organization', label: '法人或者其他组织' },
] as const satisfies readonly { value: string; label: string }[];
export type MajorCatalogPartyType = (typeof MAJOR_CATALOG_PARTY_TYPES)[number]['value'];

// Same values and labels as penalty_decision.penaltyKinds (行政处罚法 第九条); a unit test keeps the two equal.
export const PENALTY_KIND_OPTIONS = [
  { value: 'warning', label: '警告' },
  { value: 'notice_of_criticism', label: '通报批评' },
  { value: 'fine', label: '罚款' },
  { value: 'confiscation_of_illegal_gains', label: '没收违法所得' },
  { value: 'confiscation_of_property', label: '没收非法财物' },
  { value: 'suspend_permit', label: '暂扣许可证件' },
  { value: 'lower_qualification', label: '降低资质等级' },
  { value: 'revoke_permit', label: '吊销许可证件' },
  { value: 'limit_activities', label: '限制开展生产经营活动' },
  { value: 'suspend_business', label: '责令停产停业' },
  { value: 'close', label: '责令关闭' },
  { value: 'restrict_employment', label: '限制从业' },
  { value: 'other', label: '法律、行政法规规定的其他行政处罚' },
] as const satisfies readonly { value: string; label: string }[];
export type PenaltyKind = (typeof PENALTY_KIND_OPTIONS)[number]['value'];

export type MajorCatalogEntry = {
  id: string;
  category: MajorCatalogCategory;
  level: MajorCatalogLevel;
  field: EnforcementField | 'any';
  /** 事项名称 */
  title: string;
  /** Matches if the decision has any of these; empty = any kind. */
  penaltyKinds: readonly string[];
  partyType: MajorCatalogPartyType;
  /** Yuan; matches when the proposed fine plus confiscated amount reaches it. */
  amountThreshold: number | null;
  /** 依据 */
  basis: string;
};

export type MajorCatalogProblem = { field: string; code: 'VALIDATION_FAILED' };

export const MAJOR_CATALOG_TITLE_MAX = 200;
export const MAJOR_CATALOG_BASIS_MAX = 1000;
export const MAJOR_CATALOG_AMOUNT_MAX = 1e12;

const valuesOf = (list: readonly { value: string }[]): readonly string[] => list.map((item) => item.value);
const isOneOf = <T extends string>(list: readonly { value: T }[], value: unknown): value is T =>
  typeof value === 'string' && valuesOf(list).includes(value);
const labelOf = (list: readonly { value: string; label: string }[], value: string): string =>
  list.find((item) => item.value === value)?.label ?? value;

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

const parseAmount = (raw: unknown): number | null | 'invalid' => {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  if (typeof raw !== 'number' && typeof raw !== 'string') return 'invalid';
  if (typeof raw === 'number' && !Number.isFinite(raw)) return 'invalid';
  const written = String(raw).trim();
  if (!AMOUNT.test(written)) return 'invalid';
  const value = Number(written);

  return value > 0 && value <= MAJOR_CATALOG_AMOUNT_MAX ? value : 'invalid';
};

const boundedText = (raw: unknown, max: number): string | null => {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();

  return value.length >= 1 && value.length <= max ? value : null;
};

/**
 * REVIEW-1: one catalog entry as an administrator enters it. An entry with no criterion in every field would make
 * every decision of its category major, which is the grounds' job (S3 附件3 第四条), so it is refused.
 */
export const validateMajorCatalogEntry = (
  input: unknown,
): { entry: Omit<MajorCatalogEntry, 'id'> | null; problems: MajorCatalogProblem[] } => {
  const problems: MajorCatalogProblem[] = [];
  const fail = (field: string): void => {
    problems.push({ field, code: 'VALIDATION_FAILED' });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('entry');

    return { entry: null, problems };
  }
  const raw = input as Record<string, unknown>;
  const title = boundedText(raw.title, MAJOR_CATALOG_TITLE_MAX);
  if (title === null) fail('title');
  const basis = boundedText(raw.basis, MAJOR_CATALOG_BASIS_MAX);
  if (basis === null) fail('basis');
  const { category, level, field } = raw;
  if (!isOneOf(MAJOR_CATALOG_CATEGORIES, category)) fail('category');
  if (!isOneOf(MAJOR_CATALOG_LEVELS, level)) fail('level');
  const isFieldValid = field === 'any' || isOneOf(ENFORCEMENT_FIELDS, field);
  if (!isFieldValid) fail('field');
  const partyType = raw.partyType ?? 'any';
  if (!isOneOf(MAJOR_CATALOG_PARTY_TYPES, partyType)) fail('partyType');

  const rawKinds = raw.penaltyKinds ?? [];
  const kinds: string[] = [];
  if (!Array.isArray(rawKinds)) {
    fail('penaltyKinds');
  } else {
    const isEachKnown = rawKinds.every((kind) => isOneOf(PENALTY_KIND_OPTIONS, kind));
    const isUnique = new Set(rawKinds).size === rawKinds.length;
    if (!isEachKnown || !isUnique) fail('penaltyKinds');
    // Penalty kinds (行政处罚法 第九条) describe penalties only.
    else if (rawKinds.length > 0 && category !== 'penalty') fail('penaltyKinds');
    else kinds.push(...(rawKinds as string[]));
  }

  const amountThreshold = parseAmount(raw.amountThreshold);
  if (amountThreshold === 'invalid') fail('amountThreshold');
  if (isFieldValid && field === 'any' && kinds.length === 0 && amountThreshold === null) fail('criteria');

  if (problems.length > 0) return { entry: null, problems };

  return {
    entry: {
      category: category as MajorCatalogCategory,
      level: level as MajorCatalogLevel,
      field: field as EnforcementField | 'any',
      title: title as string,
      penaltyKinds: kinds,
      partyType: partyType as MajorCatalogPartyType,
      amountThreshold: amountThreshold as number | null,
      basis: basis as string,
    },
    problems,
  };
};

export type ProposedDecision = {
  category: MajorCatalogCategory;
  field: EnforcementField;
  penaltyKinds: readonly string[];
  partyType: 'individual' | 'organization';
  /** Yuan: the proposed fine plus the amount to be confiscated. */
  amount: number;
};

export type MajorCatalogMatch = { entry: MajorCatalogEntry; reasons: string[] };

// Compared in fen so 0.1 + 0.2 style float error never decides whether a decision is major.
const toFen = (yuan: number): number => Math.round(yuan * 100);

/** REVIEW-1: the catalog entries a proposed decision falls under, each with why in Chinese. */
export const matchMajorCatalog = ({
  entries,
  decision,
  agencyLevel,
}: {
  entries: readonly MajorCatalogEntry[];
  decision: ProposedDecision;
  agencyLevel: AgencyLevel;
}): MajorCatalogMatch[] =>
  entries.flatMap((entry): MajorCatalogMatch[] => {
    if (entry.category !== decision.category) return [];
    if (entry.level !== 'any' && entry.level !== agencyLevel) return [];
    if (entry.field !== 'any' && entry.field !== decision.field) return [];
    if (entry.partyType !== 'any' && entry.partyType !== decision.partyType) return [];
    const reasons = [`属于重大执法决定目录事项“${entry.title}”`];
    if (entry.penaltyKinds.length > 0) {
      const shared = entry.penaltyKinds.filter((kind) => decision.penaltyKinds.includes(kind));
      if (shared.length === 0) return [];
      reasons.push(`处罚种类包括${shared.map((kind) => labelOf(PENALTY_KIND_OPTIONS, kind)).join('、')}`);
    }
    if (entry.amountThreshold !== null) {
      if (toFen(decision.amount) < toFen(entry.amountThreshold)) return [];
      reasons.push(`拟处罚款及没收金额 ${decision.amount} 元，达到目录标准 ${entry.amountThreshold} 元`);
    }
    if (entry.penaltyKinds.length === 0 && entry.amountThreshold === null) {
      reasons.push(
        `属于${labelOf(ENFORCEMENT_FIELDS, decision.field)}领域的${labelOf(MAJOR_CATALOG_CATEGORIES, entry.category)}决定`,
      );
    }

    return [{ entry, reasons }];
  });
