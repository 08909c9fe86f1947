import type { ApprovalRole, AvCondition, AvLevel, Citation, RecordRequirement } from './procedure-types';
import type { ActorRef, ProcedureType } from './types';

export type RuleStatus = 'met' | 'missing' | 'broken' | 'not_applicable';

export type RuleSeverity = 'blocking' | 'warning';

/** Something missing (a record not yet made) or broken (a record made wrongly), with where it belongs. */
export type FindingItem = {
  stage: string;
  recordId?: string;
  kind?: string;
  message: string;
  citations?: Citation[];
};

/** SUP-2: one compliance rule as the case stands: met, missing, broken or not applicable. */
export type RuleFinding = {
  ruleId: string;
  name: string;
  severity: RuleSeverity;
  status: RuleStatus;
  citations: Citation[];
  missing: FindingItem[];
  broken: FindingItem[];
};

export type DeadlineStatus = 'met' | 'met_late' | 'open' | 'due_soon' | 'overdue' | 'not_yet' | 'premature';

/** PROC-8: a statutory period that has started for the case. */
export type CaseDeadline = {
  ruleId: string;
  name: string;
  citations: Citation[];
  /** 'earliest': the act may not come before the due date (不早于). */
  kind: 'latest' | 'earliest';
  duty: 'agency' | 'party';
  startedBy?: string;
  startDate: string;
  dueDate: string;
  /** Set when the period ends at an instant (hours, end of the working day). */
  dueAt: string | null;
  /** The nominal due date when a holiday moved it. */
  movedFrom?: string | null;
  status: DeadlineStatus;
  isCalendarCovered: boolean;
  uncoveredYears: number[];
};

export type RecordOfficer = {
  userId: string;
  name: string;
  credentialNumber: string | null;
  isCredentialValid: boolean;
  isCredentialShown: boolean;
};

export type RecordWitness = { name: string; idNumber?: string | null; phone?: string | null };

export type PartySignature = 'signed' | 'refused' | 'pending' | 'not_required';

export type ApprovalStatus = 'not_required' | 'pending' | 'approved' | 'returned';

export type ApprovalDecision = 'approved' | 'returned';

export type ApprovalStep = {
  index: number;
  role: ApprovalRole;
  label: string;
  decision: ApprovalDecision | null;
  opinion: string | null;
  actor: ActorRef | null;
  at: string | null;
};

export type RecordVersion = {
  id: string;
  version: number;
  createdAt: string;
  correctionReason: string | null;
  contentSha256: string;
};

/** The newest version of one text record of the case. */
export type CaseRecord = {
  id: string;
  kind: string;
  name: string;
  stage: string;
  version: number;
  /** Oldest first; the last is this version. */
  versions: RecordVersion[];
  recordedAt: string;
  place: string | null;
  officers: RecordOfficer[];
  partySignature: PartySignature;
  refusalReason: string | null;
  witnesses: RecordWitness[];
  content: Record<string, unknown>;
  avReason: string | null;
  contentSha256: string;
  createdBy: ActorRef;
  createdAt: string;
  approval: {
    status: ApprovalStatus;
    /** The signed-in user holds the role of the next step. */
    canAct: boolean;
    next: { index: number; role: ApprovalRole; label: string } | null;
    steps: ApprovalStep[];
  };
  /** DOC-4: who signed, how and when. */
  signatures: RecordSignature[];
  /** SERVE-1: proofs of service filed with a service receipt. */
  attachments: RecordAttachment[];
  /** DOC-2: the standard document this record generates; null when none. */
  documentTemplateId: string | null;
  /** Newest first: the first is the document as it stands now. */
  documents: CaseDocument[];
};

export type SignatureRole = 'officer' | 'party' | 'witness' | 'server' | 'recipient';
export type SignatureMethod = 'electronic' | 'handwritten' | 'paper_scan';

export type RecordSignature = {
  id: string;
  role: SignatureRole;
  signerName: string;
  method: SignatureMethod;
  fingerprint: string;
  scanEvidenceId: string | null;
  signedAt: string;
};

export type RecordAttachment = { id: string; evidenceId: string; kind: string; createdAt: string };

export type CaseDocument = {
  id: string;
  title: string;
  templateId: string;
  documentNumber: string | null;
  pdfSha256: string;
  docxSha256: string;
  signatureIds: string[];
  generatedAt: string;
};

/** REVIEW-1, REVIEW-5: whether the decision is major and whether legal review lets it be signed, made and served. */
export type LegalReviewFact = { isMajorDecision: boolean; status: string; canDecide: boolean; message: string };

/** SERVE-2: the fine, payments, the late-payment surcharge and when a court may be asked to enforce. */
export type ExecutionSummary = {
  fineAmount: string;
  decisionServedOn: string | null;
  dueOn: string | null;
  paidAmount: string;
  outstandingAmount: string;
  isFullyPerformed: boolean;
  surcharge: { daysOverdue: number; amount: string; isCapped: boolean } | null;
  demandServedOn: string | null;
  earliestCourtApplicationOn: string | null;
};

/** What the current stage asks for one record kind, and the records made for it. */
export type StageRecordStatus = {
  kind: string;
  name: string;
  requirement: RecordRequirement;
  /** Whether the requirement applies to this case now (a conditional one may not). */
  isNeeded: boolean;
  av: AvLevel;
  /** The level applies only while the record's content meets this; null: always. */
  avWhen: AvCondition | null;
  citations: Citation[];
  recordIds: string[];
};

export type StageChange = {
  from: string;
  to: string;
  note: string | null;
  at: string;
  actor: ActorRef;
};

export type WorkspaceTransition = { to: string; name: string; isBlocked: boolean; citations: Citation[] };

/** GET /api/cases/:id/workspace (PROC-1..8, SUP-2). */
export type CaseWorkspace = {
  caseId: string;
  number: string;
  procedure: { id: string; type: ProcedureType; name: string; variant: string };
  stage: { id: string; name: string; isTerminal: boolean; citations: Citation[] };
  isMajorCase: boolean;
  visitedStages: string[];
  stageChanges: StageChange[];
  transitions: WorkspaceTransition[];
  stageRecords: StageRecordStatus[];
  records: CaseRecord[];
  compliance: RuleFinding[];
  deadlines: CaseDeadline[];
  legalReview: LegalReviewFact;
  execution: ExecutionSummary | null;
  /** This year, when the working-day calendar does not cover it. */
  uncoveredCalendarYear: number | null;
};

export type RecordFieldValue = string | number | boolean | string[];

export type RecordRequest = {
  kind: string;
  recordedAt: string;
  place: string | null;
  officers: { userId: string; isCredentialShown: boolean }[];
  partySignature?: 'signed' | 'refused' | 'pending';
  refusalReason?: string | null;
  witnesses?: { name: string; idNumber: string | null; phone: string | null }[];
  content: Record<string, RecordFieldValue>;
  avReason?: string | null;
};

export type CorrectionRequest = { reason: string; record: RecordRequest };

export type SavedRecord = { id: string; version: number; contentSha256: string };

export type ApprovalRequest = { decision: ApprovalDecision; opinion: string };

export type StageChangeRequest = { to: string; note: string | null };

export type PendingApproval = {
  caseId: string;
  caseNumber: string;
  recordId: string;
  kindName: string;
  stepLabel: string;
  submittedAt: string;
  /** The drafter's user id. */
  submittedBy: string;
  /** The drafter's display name; empty if the account is gone. */
  submittedByName: string;
};

export type MyWorkDeadline = CaseDeadline & { caseId: string; caseNumber: string };

/** GET /api/my-work. */
export type MyWork = { approvals: PendingApproval[]; deadlines: MyWorkDeadline[] };

export type CalendarDay = {
  date: string;
  isWorkingDay: boolean;
  name: string | null;
  source: 'official' | 'admin';
  updatedBy: string | null;
  updatedAt: string;
};

/** GET /api/calendar?year=YYYY. */
export type CalendarYear = { year: number; isCovered: boolean; coveredYears: number[]; days: CalendarDay[] };
