import { cite, type Citation } from '../procedures/citation';

const MATERIALS_BASIS = [cite('S3', '附件3 第五条')] as const;

export type ReviewMaterialRequirement = 'required' | 'when_hearing_or_assessment' | 'optional';

/** REVIEW-2: the six materials submitted for legal review (S3 附件3 第五条(一)至(六)). */
export const REVIEW_MATERIALS = {
  proposal: { name: '重大行政执法决定建议及其情况说明', requirement: 'required', citations: MATERIALS_BASIS },
  investigation_report: {
    name: '重大行政执法决定调查（审查）终结报告',
    requirement: 'required',
    citations: MATERIALS_BASIS,
  },
  draft_decision: { name: '重大行政执法决定书代拟稿', requirement: 'required', citations: MATERIALS_BASIS },
  basis_and_evidence: {
    name: '重大行政执法决定相关法律依据和证据资料',
    requirement: 'required',
    citations: MATERIALS_BASIS,
  },
  hearing_or_assessment: {
    name: '听证笔录或评估报告',
    requirement: 'when_hearing_or_assessment',
    citations: MATERIALS_BASIS,
  },
  other: { name: '其他需要提交的材料', requirement: 'optional', citations: MATERIALS_BASIS },
} as const satisfies Record<
  string,
  { name: string; requirement: ReviewMaterialRequirement; citations: readonly Citation[] }
>;
export type ReviewMaterial = keyof typeof REVIEW_MATERIALS;
export const REVIEW_MATERIAL_IDS = Object.keys(REVIEW_MATERIALS) as ReviewMaterial[];
export const isReviewMaterial = (value: unknown): value is ReviewMaterial =>
  typeof value === 'string' && Object.hasOwn(REVIEW_MATERIALS, value);

export const REVIEW_MATERIAL_IDS_MAX = 200;

export type SubmittedMaterial = { material: string; recordIds: readonly string[]; evidenceIds: readonly string[] };

/** REVIEW-2: the shape of a submission's material list; what is missing is missingReviewMaterials' job. */
export const validateReviewMaterials = ({
  materials,
}: {
  materials: readonly SubmittedMaterial[];
}): { field: string; code: 'VALIDATION_FAILED' }[] => {
  const problems: { field: string; code: 'VALIDATION_FAILED' }[] = [];
  const seen = new Set<string>();
  materials.forEach((item, index) => {
    if (!isReviewMaterial(item.material) || seen.has(item.material)) {
      problems.push({ field: `materials[${index}].material`, code: 'VALIDATION_FAILED' });
    }
    seen.add(item.material);
    const ids = [...item.recordIds, ...item.evidenceIds];
    const isEachId = ids.every((id) => typeof id === 'string' && id.trim().length > 0);
    if (ids.length > REVIEW_MATERIAL_IDS_MAX || !isEachId || new Set(ids).size !== ids.length) {
      problems.push({ field: `materials[${index}].ids`, code: 'VALIDATION_FAILED' });
    }
  });

  return problems;
};

export type MissingReviewMaterial = { material: ReviewMaterial; name: string; message: string };

/**
 * REVIEW-2: which of the six materials a submission lacks. The proposal is the submitting unit's own written text;
 * the report, draft and basis are records or evidence of the case; the hearing record or assessment is due only
 * when there was one (S3 附件3 第五条(五)).
 */
export const missingReviewMaterials = ({
  proposal,
  materials,
  isHearingHeld,
  isAssessmentMade,
}: {
  proposal: string;
  materials: readonly SubmittedMaterial[];
  isHearingHeld: boolean;
  isAssessmentMade: boolean;
}): MissingReviewMaterial[] => {
  const hasAttachment = (material: ReviewMaterial): boolean =>
    materials.some((item) => item.material === material && item.recordIds.length + item.evidenceIds.length > 0);
  const missing = (material: ReviewMaterial, message: string): MissingReviewMaterial => ({
    material,
    name: REVIEW_MATERIALS[material].name,
    message,
  });
  const result: MissingReviewMaterial[] = [];
  if (proposal.trim().length === 0) {
    result.push(missing('proposal', '未填写重大行政执法决定建议及其情况说明'));
  }
  for (const material of ['investigation_report', 'draft_decision', 'basis_and_evidence'] as const) {
    if (!hasAttachment(material)) {
      result.push(missing(material, `未提交${REVIEW_MATERIALS[material].name}`));
    }
  }
  if ((isHearingHeld || isAssessmentMade) && !hasAttachment('hearing_or_assessment')) {
    const [held, what] =
      isHearingHeld && isAssessmentMade
        ? ['听证和评估', '听证笔录和评估报告']
        : isHearingHeld
          ? ['听证', '听证笔录']
          : ['评估', '评估报告'];
    result.push(missing('hearing_or_assessment', `已经${held}，未提交${what}`));
  }

  return result;
};
