import { cite, type Citation } from '../procedures/citation';

const REVIEW_BASIS = [cite('S3', '附件3 第五条')] as const;

/** REVIEW-3: the eight points the legal reviewer works through (S3 附件3); same values as pointsReviewed. */
export const REVIEW_POINTS = {
  subject: { label: '主体是否合法，执法人员是否具备执法资格', citations: REVIEW_BASIS },
  facts: { label: '主要事实是否清楚，证据是否确凿', citations: REVIEW_BASIS },
  procedure: { label: '程序是否合法', citations: REVIEW_BASIS },
  law: { label: '适用法律、法规、规章是否正确，执行裁量基准是否适当', citations: REVIEW_BASIS },
  ultra_vires: { label: '是否有超越本机关职权范围或滥用职权的情形', citations: REVIEW_BASIS },
  documents: { label: '执法文书是否规范、齐备', citations: REVIEW_BASIS },
  crime: { label: '违法行为是否涉嫌犯罪需要移送司法机关', citations: REVIEW_BASIS },
  other: { label: '其他应当审核的内容', citations: REVIEW_BASIS },
} as const satisfies Record<string, { label: string; citations: readonly Citation[] }>;
export type ReviewPoint = keyof typeof REVIEW_POINTS;
export const REVIEW_POINT_IDS = Object.keys(REVIEW_POINTS) as ReviewPoint[];
export const isReviewPoint = (value: unknown): value is ReviewPoint =>
  typeof value === 'string' && Object.hasOwn(REVIEW_POINTS, value);

export const REVIEW_FINDINGS = {
  no_issue: { name: '未发现问题' },
  issue: { name: '存在问题' },
} as const satisfies Record<string, { name: string }>;
export type ReviewFinding = keyof typeof REVIEW_FINDINGS;

/** REVIEW-3: the four written opinions (S3 附件3); only 同意 lets the decision go on to the next step. */
export const REVIEW_CONCLUSIONS = {
  approve: {
    name: '同意',
    appliesWhen: '主体合法、事实清楚、证据合法充分、依据准确、裁量适当、执法程序合法、执法文书完备规范',
    isDecisionAllowed: true,
    citations: REVIEW_BASIS,
  },
  correct: {
    name: '纠正',
    appliesWhen: '事实认定不清、证据和执法程序有瑕疵、执法文书不规范、裁量不适当',
    isDecisionAllowed: false,
    citations: REVIEW_BASIS,
  },
  do_not_decide: {
    name: '不予作出',
    appliesWhen: '存在主体不合法、主要证据不合法、依据不准确、执法程序不合法',
    isDecisionAllowed: false,
    citations: REVIEW_BASIS,
  },
  transfer: {
    name: '移送',
    appliesWhen: '违法行为涉嫌犯罪',
    isDecisionAllowed: false,
    citations: REVIEW_BASIS,
  },
} as const satisfies Record<
  string,
  { name: string; appliesWhen: string; isDecisionAllowed: boolean; citations: readonly Citation[] }
>;
export type ReviewConclusion = keyof typeof REVIEW_CONCLUSIONS;
export const REVIEW_CONCLUSION_IDS = Object.keys(REVIEW_CONCLUSIONS) as ReviewConclusion[];
export const isReviewConclusion = (value: unknown): value is ReviewConclusion =>
  typeof value === 'string' && Object.hasOwn(REVIEW_CONCLUSIONS, value);

export const REVIEW_NOTE_MAX = 2000;
export const REVIEW_REASONS_MAX = 5000;
export const REVIEW_CORRECTION_ITEMS_MAX = 5000;

export type ReviewOpinionProblem = {
  field: string;
  code: 'REVIEW_POINTS_INCOMPLETE' | 'REVIEW_CONCLUSION_INCONSISTENT' | 'VALIDATION_FAILED';
};

const lengthOf = (value: unknown): number => (typeof value === 'string' ? value.trim().length : 0);

/**
 * REVIEW-3: an opinion answers each of the eight points once and its conclusion follows from the findings: 同意 only
 * with no issue, 纠正 and 不予作出 name an issue, and a suspected crime is referred (S3 附件3).
 */
export const reviewOpinionProblems = ({
  points,
  conclusion,
  reasons,
  correctionItems,
}: {
  points: readonly { point: string; finding: string; note: string }[];
  conclusion: string;
  reasons: string;
  correctionItems: string;
}): ReviewOpinionProblem[] => {
  const problems: ReviewOpinionProblem[] = [];
  const seen = new Set<string>();
  points.forEach((item, index) => {
    if (!isReviewPoint(item.point) || seen.has(item.point)) {
      problems.push({ field: `points[${index}].point`, code: 'VALIDATION_FAILED' });
    }
    seen.add(item.point);
    if (item.finding !== 'no_issue' && item.finding !== 'issue') {
      problems.push({ field: `points[${index}].finding`, code: 'REVIEW_POINTS_INCOMPLETE' });
    }
    const note = lengthOf(item.note);
    if (note > REVIEW_NOTE_MAX) problems.push({ field: `points[${index}].note`, code: 'VALIDATION_FAILED' });
    else if (item.finding === 'issue' && note === 0) {
      problems.push({ field: `points[${index}].note`, code: 'REVIEW_POINTS_INCOMPLETE' });
    }
  });
  for (const point of REVIEW_POINT_IDS) {
    if (!seen.has(point)) problems.push({ field: `points.${point}`, code: 'REVIEW_POINTS_INCOMPLETE' });
  }

  const reasonsLength = lengthOf(reasons);
  if (reasonsLength < 1 || reasonsLength > REVIEW_REASONS_MAX) {
    problems.push({ field: 'reasons', code: 'VALIDATION_FAILED' });
  }
  if (!isReviewConclusion(conclusion)) {
    problems.push({ field: 'conclusion', code: 'VALIDATION_FAILED' });

    return problems;
  }

  const issues = new Set(points.filter((item) => item.finding === 'issue').map((item) => item.point));
  const inconsistent = (field: string): void => {
    problems.push({ field, code: 'REVIEW_CONCLUSION_INCONSISTENT' });
  };
  if (conclusion === 'approve' && issues.size > 0) inconsistent('conclusion');
  if ((conclusion === 'correct' || conclusion === 'do_not_decide') && issues.size === 0) inconsistent('conclusion');
  // 对违法行为涉嫌犯罪的，提出移送意见: a crime finding and a referral go together.
  if (conclusion === 'transfer' && !issues.has('crime')) inconsistent('conclusion');
  if (conclusion !== 'transfer' && conclusion !== 'approve' && issues.has('crime')) inconsistent('conclusion');
  if (conclusion === 'correct') {
    const items = lengthOf(correctionItems);
    if (items === 0) inconsistent('correctionItems');
    else if (items > REVIEW_CORRECTION_ITEMS_MAX)
      problems.push({ field: 'correctionItems', code: 'VALIDATION_FAILED' });
  }

  return problems;
};
