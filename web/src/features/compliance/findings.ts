import { isApiError } from '../../api/http';
import type { Citation } from '../../api/procedure-types';
import type { FindingItem, RuleFinding, RuleStatus } from '../../api/workspace-types';

export type ComplianceSummary = Record<RuleStatus, number> & { total: number; blockingOpen: number };

/** SUP-2: how many rules the whole process meets, misses or breaks, for a reader who wants the verdict first. */
export const complianceSummary = (findings: readonly RuleFinding[]): ComplianceSummary => {
  const summary: ComplianceSummary = {
    met: 0,
    missing: 0,
    broken: 0,
    not_applicable: 0,
    total: findings.length,
    blockingOpen: 0,
  };
  for (const finding of findings) {
    if (Object.hasOwn(summary, finding.status)) summary[finding.status] += 1;
    if (isBlockingOpen(finding)) summary.blockingOpen += 1;
  }

  return summary;
};

export const isBlockingOpen = (finding: RuleFinding): boolean =>
  finding.severity === 'blocking' && (finding.status === 'missing' || finding.status === 'broken');

/** The findings that stop the case leaving its stage. */
export const blockingFindings = (findings: readonly RuleFinding[]): RuleFinding[] => findings.filter(isBlockingOpen);

export type FindingLine = { item: FindingItem; isBroken: boolean };

/** Broken items first (something done wrongly), then what is missing. */
export const findingLines = (finding: RuleFinding): FindingLine[] => [
  ...finding.broken.map((item) => ({ item, isBroken: true })),
  ...finding.missing.map((item) => ({ item, isBroken: false })),
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Citations as the server presents them, formatted; one without its text still shows its source and article. */
const readCitations = (value: unknown): Citation[] =>
  Array.isArray(value)
    ? value
        .filter(isRecord)
        .filter((c) => typeof c.source === 'string' && typeof c.article === 'string')
        .map((c) => ({
          source: c.source as string,
          article: c.article as string,
          text: typeof c.text === 'string' && c.text ? c.text : `${c.source as string} ${c.article as string}`,
        }))
    : [];

const readItems = (value: unknown): FindingItem[] =>
  Array.isArray(value)
    ? value
        .filter(isRecord)
        .filter((i) => typeof i.message === 'string')
        .map((i) => ({
          stage: typeof i.stage === 'string' ? i.stage : '',
          ...(typeof i.recordId === 'string' ? { recordId: i.recordId } : {}),
          ...(typeof i.kind === 'string' ? { kind: i.kind } : {}),
          message: i.message as string,
          citations: readCitations(i.citations),
        }))
    : [];

const RULE_STATUSES: readonly string[] = ['met', 'missing', 'broken', 'not_applicable'];

/**
 * The rules named by a refused stage change (409 TRANSITION_BLOCKED), in the workspace's shape with citations
 * formatted by the server; read defensively. Null for other errors.
 */
export const blockedFindingsOf = (error: unknown): RuleFinding[] | null => {
  if (!isApiError(error) || error.code !== 'TRANSITION_BLOCKED') return null;
  const findings = isRecord(error.details) ? error.details.findings : undefined;
  if (!Array.isArray(findings)) return [];

  return findings
    .filter(isRecord)
    .filter((f) => typeof f.ruleId === 'string' && typeof f.name === 'string')
    .map((f) => ({
      ruleId: f.ruleId as string,
      name: f.name as string,
      severity: f.severity === 'warning' ? 'warning' : 'blocking',
      status: (typeof f.status === 'string' && RULE_STATUSES.includes(f.status) ? f.status : 'missing') as RuleStatus,
      citations: readCitations(f.citations),
      missing: readItems(f.missing),
      broken: readItems(f.broken),
    }));
};
