import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import {
  REVIEW_MATERIALS,
  REVIEW_MATERIAL_IDS,
  missingReviewMaterials,
  validateReviewMaterials,
  type SubmittedMaterial,
} from './review-materials';

const attached = (material: string, recordIds: string[] = ['r1'], evidenceIds: string[] = []): SubmittedMaterial => ({
  material,
  recordIds,
  evidenceIds,
});

const complete = [
  attached('investigation_report'),
  attached('draft_decision'),
  attached('basis_and_evidence', [], ['e1']),
];

describe('review materials (REVIEW-2)', () => {
  it('REVIEW-2: the six materials have the review opinion form’s values', () => {
    const field = RECORD_KINDS.legal_review_opinion.fields.find((item) => item.name === 'materialsReceived');
    expect(REVIEW_MATERIAL_IDS).toEqual(field?.options?.map((option) => option.value));
    expect(REVIEW_MATERIALS.hearing_or_assessment.requirement).toBe('when_hearing_or_assessment');
  });

  it('REVIEW-2: a complete submission lacks nothing', () => {
    expect(
      missingReviewMaterials({
        proposal: '建议处以罚款',
        materials: complete,
        isHearingHeld: false,
        isAssessmentMade: false,
      }),
    ).toEqual([]);
  });

  it('REVIEW-2: names each missing material, the proposal by its text', () => {
    const missing = missingReviewMaterials({
      proposal: '   ',
      materials: [attached('draft_decision'), attached('investigation_report', [], [])],
      isHearingHeld: false,
      isAssessmentMade: false,
    });
    expect(missing.map((item) => item.material)).toEqual(['proposal', 'investigation_report', 'basis_and_evidence']);
    expect(missing[2]?.message).toBe('未提交重大行政执法决定相关法律依据和证据资料');
  });

  it('REVIEW-2: the hearing record or assessment is due only after a hearing or assessment', () => {
    const base = { proposal: '建议', materials: complete };
    expect(missingReviewMaterials({ ...base, isHearingHeld: true, isAssessmentMade: false })).toEqual([
      {
        material: 'hearing_or_assessment',
        name: '听证笔录或评估报告',
        message: '已经听证，未提交听证笔录',
      },
    ]);
    expect(missingReviewMaterials({ ...base, isHearingHeld: false, isAssessmentMade: true })[0]?.message).toBe(
      '已经评估，未提交评估报告',
    );
    expect(
      missingReviewMaterials({
        ...base,
        materials: [...complete, attached('hearing_or_assessment')],
        isHearingHeld: true,
        isAssessmentMade: true,
      }),
    ).toEqual([]);
  });

  it('REVIEW-2: refuses unknown and repeated materials and over-long id lists', () => {
    const ids = Array.from({ length: 201 }, (_, index) => `r${index}`);
    expect(
      validateReviewMaterials({
        materials: [attached('draft_decision'), attached('draft_decision'), attached('photos'), attached('other', ids)],
      }),
    ).toEqual([
      { field: 'materials[1].material', code: 'VALIDATION_FAILED' },
      { field: 'materials[2].material', code: 'VALIDATION_FAILED' },
      { field: 'materials[3].ids', code: 'VALIDATION_FAILED' },
    ]);
    expect(validateReviewMaterials({ materials: [...complete, attached('other', ids.slice(0, 200))] })).toEqual([]);
  });
});
