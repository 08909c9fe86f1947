import { cite, type Citation } from '../procedures/citation';

/** RET-2: why an original may not be destroyed yet; each blocker is data with its basis. */
export const DISPOSAL_BLOCKERS = {
  disposed: { name: '原件已经销毁', citations: [] },
  term_running: {
    name: '保存期限尚未届满',
    citations: [cite('S2', '第十九条'), cite('S3', '附件2 第十七条')],
  },
  no_term: { name: '尚未确定保存期限', citations: [cite('S2', '第十九条')] },
  legal_hold: {
    name: '处于保全（冻结）状态：复议、诉讼、投诉或调查尚未终结',
    citations: [cite('S3', '附件2 第十七条')],
  },
  pending_request: { name: '已有待审批的销毁申请', citations: [] },
} as const satisfies Record<string, { name: string; citations: readonly Citation[] }>;
export type DisposalBlocker = keyof typeof DISPOSAL_BLOCKERS;

export type DisposalState = {
  /** The last day the original must be kept (China date); null = no term yet. */
  retainUntil: string | null;
  isHeld: boolean;
  isDisposed: boolean;
  hasPendingRequest: boolean;
};

/**
 * RET-2: the one disposal path's precondition, checked when it is requested and again when it is approved. The term
 * includes its last day, so an original becomes disposable the day after.
 */
export const disposalBlockers = (state: DisposalState, today: string): DisposalBlocker[] => {
  if (state.isDisposed) return ['disposed'];
  const blockers: DisposalBlocker[] = [];
  if (state.retainUntil === null) blockers.push('no_term');
  else if (today <= state.retainUntil) blockers.push('term_running');
  if (state.isHeld) blockers.push('legal_hold');
  if (state.hasPendingRequest) blockers.push('pending_request');

  return blockers;
};

/** The first blocker as the error a request or decision fails with. */
export const DISPOSAL_BLOCKER_ERRORS = {
  disposed: 'EVIDENCE_DISPOSED',
  term_running: 'DISPOSAL_NOT_DUE',
  no_term: 'DISPOSAL_NOT_DUE',
  legal_hold: 'EVIDENCE_UNDER_HOLD',
  pending_request: 'DISPOSAL_PENDING',
} as const satisfies Record<DisposalBlocker, string>;
