import { DomainError } from '../errors';
import { cite, type Citation } from '../procedures/citation';

/** REVIEW-5: 未经法制审核或者经审核后提出不同意见的，不得进入下一程序 (S3 附件3; 行政处罚法 第五十八条). */
export const REVIEW_GATE_CITATIONS: readonly Citation[] = [
  cite('S3', '附件3 第五条'),
  cite('行政处罚法', '第五十八条'),
];

export type ReviewRound = {
  id: string;
  round: number;
  draftRecordId: string;
  submittedAt: string;
  opinion: { conclusion: 'approve' | 'correct' | 'do_not_decide' | 'transfer'; at: string } | null;
};

export type HeadRuling = { roundId: string; outcome: 'proceed' | 'follow_review'; at: string };

export type LegalReviewStatus =
  | 'not_required'
  | 'not_submitted'
  | 'under_review'
  | 'approved'
  | 'correction_required'
  | 'not_to_be_decided'
  | 'transferred'
  | 'ruled_proceed'
  | 'draft_changed';

export type LegalReviewState = {
  status: LegalReviewStatus;
  /** May the decision be signed off, made and served. */
  canDecide: boolean;
  /** May a (new) round be submitted now. */
  canSubmit: boolean;
  /** May the head rule: the latest opinion is 纠正 or 不予作出 and has no ruling yet. */
  canRule: boolean;
  message: string;
  latestRound: ReviewRound | null;
};

const state = (
  status: LegalReviewStatus,
  flags: { canDecide?: boolean; canSubmit?: boolean; canRule?: boolean },
  message: string,
  latestRound: ReviewRound | null,
): LegalReviewState => ({
  status,
  canDecide: flags.canDecide ?? false,
  canSubmit: flags.canSubmit ?? false,
  canRule: flags.canRule ?? false,
  message,
  latestRound,
});

/**
 * REVIEW-5: whether a major decision may go on. Only a 同意 opinion on the current draft, or the head's ruling to
 * proceed after collective discussion when drafter and reviewer disagree, opens the gate; a draft revised after
 * either has to be reviewed again (S3 附件3: 修改、完善后，再次提交法制审核).
 */
export const legalReviewState = ({
  isMajor,
  rounds,
  currentDraftRecordId,
  rulings,
}: {
  isMajor: boolean;
  rounds: readonly ReviewRound[];
  currentDraftRecordId: string | null;
  rulings: readonly HeadRuling[];
}): LegalReviewState => {
  if (!isMajor) return state('not_required', { canDecide: true }, '非重大执法决定，无需法制审核', null);
  const hasDraft = currentDraftRecordId !== null;
  const latest = rounds.reduce<ReviewRound | null>(
    (last, round) => (last === null || round.round > last.round ? round : last),
    null,
  );
  if (latest === null) {
    return state(
      'not_submitted',
      { canSubmit: hasDraft },
      hasDraft ? '重大执法决定尚未提交法制审核' : '重大执法决定尚未提交法制审核，请先制作决定书代拟稿',
      null,
    );
  }
  if (latest.opinion === null) {
    return state('under_review', {}, `法制审核中（第 ${latest.round} 次送审），审核意见作出前不得进入下一程序`, latest);
  }
  const isSameDraft = currentDraftRecordId === latest.draftRecordId;
  const isRevised = hasDraft && !isSameDraft;
  const ruling = rulings
    .filter((item) => item.roundId === latest.id)
    .reduce<HeadRuling | null>((last, item) => (last === null || item.at >= last.at ? item : last), null);

  switch (latest.opinion.conclusion) {
    case 'approve':
      return isSameDraft
        ? state('approved', { canDecide: true }, '法制审核意见为同意，可以进入下一程序', latest)
        : state(
            'draft_changed',
            { canSubmit: hasDraft },
            '法制审核同意后决定书代拟稿已修改，须重新提交法制审核',
            latest,
          );
    case 'transfer':
      return state('transferred', {}, '法制审核意见为移送：违法行为涉嫌犯罪，应当移送司法机关，不得作出决定', latest);
    case 'correct':
    case 'do_not_decide': {
      if (ruling?.outcome === 'proceed') {
        return isSameDraft
          ? state('ruled_proceed', { canDecide: true }, '经集体讨论，主要领导裁定按代拟稿作出决定', latest)
          : state(
              'ruled_proceed',
              { canSubmit: hasDraft },
              '主要领导裁定后决定书代拟稿已修改，须重新提交法制审核',
              latest,
            );
      }
      const canRule = ruling === null;
      if (latest.opinion.conclusion === 'correct') {
        return state(
          'correction_required',
          { canSubmit: isRevised, canRule },
          isRevised
            ? '决定书代拟稿已按纠正意见修改，请再次提交法制审核'
            : '法制审核意见为纠正：请修改决定书代拟稿后再次提交法制审核，或由主要领导经集体讨论后裁定',
          latest,
        );
      }

      return state(
        'not_to_be_decided',
        { canSubmit: isRevised, canRule },
        canRule
          ? '法制审核意见为不予作出决定：不得进入下一程序，意见不一致的由主要领导经集体讨论后裁定'
          : '法制审核意见为不予作出决定，主要领导裁定按审核意见办理，不得作出决定',
        latest,
      );
    }
  }
};

/** REVIEW-5: refuses a submission the state does not allow, with the reason as the error code. */
export const assertCanSubmit = (reviewState: LegalReviewState, currentDraftRecordId: string | null): void => {
  if (reviewState.canSubmit) return;
  if (currentDraftRecordId === null) {
    throw new DomainError('REVIEW_MATERIALS_MISSING', { materials: ['draft_decision'], status: reviewState.status });
  }
  switch (reviewState.status) {
    case 'not_required':
      throw new DomainError('MAJOR_BASIS_REQUIRED', { status: reviewState.status });
    case 'under_review':
      throw new DomainError('REVIEW_PENDING', { status: reviewState.status });
    case 'transferred':
      throw new DomainError('REVIEW_ALREADY_DECIDED', { status: reviewState.status });
    default:
      throw new DomainError('REVIEW_DRAFT_NOT_REVISED', { status: reviewState.status });
  }
};
