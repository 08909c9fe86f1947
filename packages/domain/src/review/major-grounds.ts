import { cite, type Citation } from '../procedures/citation';

const GROUNDS_BASIS = [cite('S3', '附件3 第四条')] as const;

/** REVIEW-1: the seven grounds of S3 附件3 第四条; same values as the filing form's majorCaseGrounds. */
export const MAJOR_DECISION_GROUNDS = {
  public_interest: { name: '涉及重大公共利益', citations: GROUNDS_BASIS },
  social_impact: { name: '可能造成重大社会影响或引发社会风险', citations: GROUNDS_BASIS },
  major_rights: { name: '直接关系行政相对人或第三人重大权益', citations: GROUNDS_BASIS },
  hearing_held: { name: '需经过听证程序作出决定', citations: GROUNDS_BASIS },
  complex: { name: '案件疑难复杂、涉及多个法律关系', citations: GROUNDS_BASIS },
  required_by_law: { name: '法律、法规、规章规定应当进行法制审核', citations: GROUNDS_BASIS },
  other: { name: '其他需要进行法制审核的情形', citations: GROUNDS_BASIS },
} as const satisfies Record<string, { name: string; citations: readonly Citation[] }>;
export type MajorDecisionGround = keyof typeof MAJOR_DECISION_GROUNDS;
export const MAJOR_DECISION_GROUND_IDS = Object.keys(MAJOR_DECISION_GROUNDS) as MajorDecisionGround[];
export const isMajorDecisionGround = (value: unknown): value is MajorDecisionGround =>
  typeof value === 'string' && Object.hasOwn(MAJOR_DECISION_GROUNDS, value);

export const MAJOR_GROUND_REASON_MAX = 1000;

export type MajorBasisProblem = { field: string; code: 'MAJOR_BASIS_REQUIRED' | 'VALIDATION_FAILED' };

/**
 * REVIEW-1: a decision is major because it matches the catalog or one of the seven grounds, and each ground states
 * why it applies, so the review file shows the basis (S3 附件3 第四条).
 */
export const majorBasisProblems = ({
  catalogMatches,
  grounds,
}: {
  catalogMatches: readonly unknown[];
  grounds: readonly { ground: string; reason: string }[];
}): MajorBasisProblem[] => {
  const problems: MajorBasisProblem[] = [];
  if (catalogMatches.length === 0 && grounds.length === 0) {
    problems.push({ field: 'grounds', code: 'MAJOR_BASIS_REQUIRED' });
  }
  const seen = new Set<string>();
  grounds.forEach(({ ground, reason }, index) => {
    if (!isMajorDecisionGround(ground) || seen.has(ground)) {
      problems.push({ field: `grounds[${index}].ground`, code: 'VALIDATION_FAILED' });
    }
    seen.add(ground);
    const length = typeof reason === 'string' ? reason.trim().length : 0;
    if (length < 1 || length > MAJOR_GROUND_REASON_MAX) {
      problems.push({ field: `grounds[${index}].reason`, code: 'VALIDATION_FAILED' });
    }
  });

  return problems;
};
