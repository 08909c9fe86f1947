import type { ProcedureType, Role } from './types';

/** One legal basis; `text` is the server's formatted citation (《行政处罚法》第四十二条, S4 第十二条). */
export type Citation = { source: string; article: string; text: string };

export type FieldType =
  'text' | 'textarea' | 'date' | 'datetime' | 'select' | 'multiselect' | 'boolean' | 'integer' | 'money';

export type FieldOption = { value: string; label: string };

/** One field of a record kind's content; the record form is generated from these (DOC-1). */
export type FieldDefinition = {
  name: string;
  label: string;
  type: FieldType;
  isRequired: boolean;
  maxLength?: number;
  options?: FieldOption[];
  /** Shown only while another field holds one of these values. */
  showWhen?: { field: string; equals: (string | boolean)[] };
  help?: string;
};

export type ApprovalRole = 'lead_officer' | 'section_head' | 'legal_reviewer' | 'agency_head';

export type ApprovalStepDefinition = {
  role: ApprovalRole;
  label: string;
  isOnlyForMajorCases?: boolean;
  citation?: Citation;
};

export type RecordKind = {
  id: string;
  name: string;
  citations: Citation[];
  fields: FieldDefinition[];
  /** ORG-3: how many officers the record names, and whether showing the credential is recorded. */
  officers: { min: number; isCredentialShownRecorded: boolean };
  partySignature: 'required' | 'none';
  witnesses: 'required' | 'optional' | 'none';
  isRightsNoticeRecorded: boolean;
  approvalSteps: ApprovalStepDefinition[];
};

export type AvLevel = 'none' | 'optional' | 'required' | 'full_length';

/**
 * AV-2: audio-video is asked for only while the record's own content field holds one of these values (送达回证: only
 * service left at the residence or by announcement is filmed).
 */
export type AvCondition = { field: string; equals: (string | boolean)[] };

export type RecordRequirement = 'required' | 'optional' | 'required_if';

export type StageRecordDefinition = {
  kind: string;
  requirement: RecordRequirement;
  av: AvLevel;
  /** null: the level applies to every record of the kind. */
  avWhen: AvCondition | null;
  citations: Citation[];
};

export type StageDefinition = {
  id: string;
  name: string;
  isTerminal: boolean;
  citations: Citation[];
  records: StageRecordDefinition[];
};

export type TransitionDefinition = { from: string; to: string; name: string; citations: Citation[] };

export type CaseSourceDefinition = { id: string; name: string; citations: Citation[] };

export type ProcedureDefinition = {
  id: string;
  type: ProcedureType;
  variant: string;
  name: string;
  effectiveFrom: string;
  citations: Citation[];
  sources: CaseSourceDefinition[];
  initialStage: string;
  statementPeriodWorkingDays: number | null;
  stages: StageDefinition[];
  transitions: TransitionDefinition[];
};

export type ComplianceRuleDefinition = {
  id: string;
  name: string;
  severity: 'blocking' | 'warning';
  procedures: ProcedureType[];
  citations: Citation[];
};

export type DeadlineRuleDefinition = {
  id: string;
  name: string;
  kind: 'latest' | 'earliest';
  count: { mode: string; amount: number };
  duty: 'agency' | 'party';
  procedures: ProcedureType[];
  citations: Citation[];
};

/** GET /api/procedures: the procedures, record forms and rules as data (PROC-1). */
export type ProcedureCatalog = {
  procedures: ProcedureDefinition[];
  recordKinds: RecordKind[];
  complianceRules: ComplianceRuleDefinition[];
  deadlineRules: DeadlineRuleDefinition[];
  legalReview: LegalReviewCatalog;
  serviceMethods: ServiceMethodDefinition[];
};

/** REVIEW-1..5: the points, conclusions, materials and grounds the legal review forms are built from. */
export type LegalReviewCatalog = {
  points: { id: string; label: string; citations: Citation[] }[];
  conclusions: { id: string; name: string; appliesWhen: string; isDecisionAllowed: boolean; citations: Citation[] }[];
  materials: {
    id: string;
    name: string;
    requirement: 'required' | 'when_hearing_or_assessment' | 'optional';
    citations: Citation[];
  }[];
  grounds: { id: string; name: string; citations: Citation[] }[];
  periodWorkingDays: number;
  maxExtensionWorkingDays: number;
  catalogOptions: Record<'categories' | 'levels' | 'fields' | 'partyTypes' | 'penaltyKinds', FieldOption[]>;
};

/** SERVE-1: what one method of service must leave on file. */
export type ServiceMethodDefinition = {
  id: string;
  name: string;
  signatures: { role: 'server' | 'recipient' | 'witness'; name: string }[];
  attachments: { kind: string; name: string; isRequired: boolean }[];
  isAvRequired: boolean;
  deemedServedAfterDays: number | null;
  citations: Citation[];
};

/** GET /api/officers: who may be named on a record, with their credentials (ORG-2, ORG-3). */
export type Officer = {
  id: string;
  displayName: string;
  roles: Role[];
  credentials: {
    number: string;
    field: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    isValid: boolean;
  }[];
  hasValidCredential: boolean;
};
