import { RECORD_KINDS, type ApprovalStatus, type ApprovalStepDefinition, type RecordKindId } from '@liuhen/domain';
import type { ApprovalRow } from '../db/repos/record-repo';

export type ApprovalStepState = ApprovalStepDefinition & {
  index: number;
  decision: 'approved' | 'returned' | null;
  opinion: string | null;
  actorUserId: string | null;
  actorName: string | null;
  at: Date | null;
};

export type ApprovalState = { status: ApprovalStatus; steps: ApprovalStepState[]; next: ApprovalStepState | null };

/**
 * REVIEW-6: where a record's approval chain stands. Steps only for major cases are skipped otherwise; a returned
 * step ends the chain (the drafter corrects the record and the new version starts again).
 */
export const approvalStateOf = (
  kind: RecordKindId,
  isMajorCase: boolean,
  decisions: readonly { approval: ApprovalRow; actorName: string }[],
): ApprovalState => {
  const steps = RECORD_KINDS[kind].approvalSteps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => isMajorCase || !step.isOnlyForMajorCases)
    .map(({ step, index }) => {
      const decided = decisions.find((d) => d.approval.stepIndex === index);

      return {
        ...step,
        index,
        decision: (decided?.approval.decision as 'approved' | 'returned' | undefined) ?? null,
        opinion: decided?.approval.opinion ?? null,
        actorUserId: decided?.approval.actorUserId ?? null,
        actorName: decided?.actorName ?? null,
        at: decided?.approval.at ?? null,
      };
    });
  if (steps.length === 0) return { status: 'not_required', steps, next: null };
  if (steps.some((s) => s.decision === 'returned')) return { status: 'returned', steps, next: null };
  const next = steps.find((s) => s.decision === null) ?? null;

  return { status: next ? 'pending' : 'approved', steps, next };
};
