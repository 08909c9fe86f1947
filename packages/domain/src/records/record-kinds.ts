import type { Citation } from '../procedures/citation';

// DOC-1, DOC-2, PROC-4..7: every text record kind the seeds name. Field definitions live in ./catalog.ts.
export const RECORD_KIND_IDS = [
  // 案件来源 / acceptance
  'complaint_registration',
  'case_transfer_record',
  'application_acceptance',
  'missing_materials_notice',
  // 立案 and approvals
  'filing_approval',
  'compulsion_approval',
  'seizure_extension_approval',
  // 调查取证 / field work
  'questioning_record',
  'inspection_record',
  'sampling_notice',
  'evidence_call_up_notice',
  'evidence_preservation_notice',
  'sealing_seizure_decision',
  'compulsion_site_record',
  'appraisal_opinion',
  'refusal_record',
  'document_check_record',
  'site_verification_record',
  'investigation_report',
  // rights and hearing
  'rights_notice',
  'advance_notice',
  'statement_defence_record',
  'hearing_notice',
  'hearing_record',
  // review and decision
  'case_deliberation_record',
  'decision_draft',
  'legal_review_opinion',
  'expert_review_minutes',
  'collective_discussion_record',
  'sign_off',
  'penalty_decision',
  'licensing_review_record',
  'licensing_decision',
  'compulsion_release_decision',
  // service, execution, closing
  'service_receipt',
  'performance_record',
  'demand_notice',
  'court_enforcement_application',
  'closing_approval',
  // supervision inspection
  'inspection_plan',
  'order_to_correct',
  'correction_verification',
  'result_report',
  'inspection_summary',
] as const;

export type RecordKindId = (typeof RECORD_KIND_IDS)[number];

export const isRecordKindId = (value: string): value is RecordKindId =>
  (RECORD_KIND_IDS as readonly string[]).includes(value);

export type FieldType =
  'text' | 'textarea' | 'date' | 'datetime' | 'select' | 'multiselect' | 'boolean' | 'integer' | 'money';

/** One field of a record's structured content; the web form is generated from these. */
export type FieldDefinition = {
  name: string;
  label: string;
  type: FieldType;
  isRequired: boolean;
  maxLength?: number;
  options?: readonly { value: string; label: string }[];
  /** Shown only when another field has one of these values, e.g. refusal reason when decision = reject. */
  showWhen?: { field: string; equals: readonly (string | boolean)[] };
  help?: string;
};

/** Who must sign or act on a record, as the seeds require of each kind. */
export type RecordKindDefinition = {
  id: RecordKindId;
  name: string;
  citations: readonly Citation[];
  fields: readonly FieldDefinition[];
  /** ORG-3: investigation-type records list at least two officers with valid credentials and whether shown. */
  officers: { min: number; isCredentialShownRecorded: boolean };
  /** PROC-7: the party signs, or the refusal is recorded; 'none' for internal records. */
  partySignature: 'required' | 'none';
  /** Witnesses are recorded (e.g. compulsory measures without the party, 行政强制法 §18). */
  witnesses: 'required' | 'optional' | 'none';
  /** PROC-6: the record states how the party was told of its rights and remedies. */
  isRightsNoticeRecorded: boolean;
  /** REVIEW-6: internal approval chain, in order; empty when the record needs none. */
  approvalSteps: readonly ApprovalStepDefinition[];
};

export type ApprovalStepDefinition = {
  role: 'lead_officer' | 'section_head' | 'legal_reviewer' | 'agency_head';
  label: string;
  /** Only for major cases (S4 §12: legality opinion of the legal section). */
  isOnlyForMajorCases?: boolean;
  citation: Citation;
};
