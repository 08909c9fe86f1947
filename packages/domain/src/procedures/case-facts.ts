import type { RecordKindId } from '../records/record-kinds';
import type { ProcedureDefinition } from './types';

/** One officer named on a record, with what the credential register said on the record's date (ORG-2, ORG-3). */
export type RecordOfficer = {
  userId: string;
  name: string;
  credentialNumber: string | null;
  isCredentialValid: boolean;
  isCredentialShown: boolean;
};

export type ApprovalStatus = 'not_required' | 'pending' | 'approved' | 'returned';

/** The latest version of one text record, as the compliance rules see it. */
export type RecordFact = {
  id: string;
  kind: RecordKindId;
  stage: string;
  recordedOn: string;
  officers: readonly RecordOfficer[];
  /** PROC-7: signed, refused (with a reason), still pending, or not a record the party signs. */
  partySignature: 'signed' | 'refused' | 'pending' | 'not_required';
  avEvidenceCount: number;
  /** AV-4: gaps between this activity's clips that nobody has explained yet. */
  avUnexplainedGaps: number;
  avReason: string | null;
  content: Readonly<Record<string, unknown>>;
  approval: ApprovalStatus;
  /** DOC-4, SERVE-1: who has signed the record (officer, party, witness, server, recipient). */
  signatures: readonly { role: string }[];
  /** SERVE-1: proofs filed with the record (return receipt, postage voucher, announcement, consent…). */
  attachments: readonly { kind: string }[];
};

/** REVIEW-1, REVIEW-5: whether the decision is major and whether legal review lets it be signed, made and served. */
export type LegalReviewFact = {
  isMajorDecision: boolean;
  status: string;
  canDecide: boolean;
  message: string;
};

/** Everything the rules need about a case; built by the server from its rows, evaluated here without I/O. */
export type CaseFacts = {
  definition: ProcedureDefinition;
  stage: string;
  source: string;
  isMajorCase: boolean;
  legalReview: LegalReviewFact;
  /** Stages entered so far, in order, the current one last. */
  visitedStages: readonly string[];
  records: readonly RecordFact[];
  /** AV-4: clips filed to a stage without naming its record, per field activity (stage and device), still cut. */
  unlinkedAvGaps: readonly { stage: string; count: number }[];
  today: string;
  /** Working-day arithmetic on the agency's calendar (PROC-8); isCovered is false past the calendar's years. */
  addWorkingDays(date: string, days: number): { date: string; isCovered: boolean };
};
