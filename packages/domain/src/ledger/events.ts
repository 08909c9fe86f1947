import type { AgencyLevel, Role, SectionKind } from '../org/roles';

// LEDGER-1: every state change is one of these typed events. Payloads hold ids, codes and digests,
// never personal data: people's details live in record tables whose digest the payload carries.
export type LedgerEventPayloads = {
  'agency.created': { agencyId: string; parentId: string | null; code: string; name: string; level: AgencyLevel };
  'section.created': { sectionId: string; agencyId: string; name: string; kind: SectionKind };
  'user.created': { userId: string; username: string; sectionId: string | null; roles: Role[]; recordSha256: string };
  'credential.issued': {
    credentialId: string;
    userId: string;
    number: string;
    field: string;
    issuer: string;
    validFrom: string;
    validTo: string;
  };
  'auth.login_succeeded': { userId: string };
  'auth.login_failed': { userId: string; reason: 'bad_password' | 'locked' | 'disabled' };
  'auth.logged_out': { userId: string };
  'case.created': {
    caseId: string;
    number: string;
    procedure: string;
    source: string;
    stage: string;
    recordSha256: string;
  };
  'case.viewed': { caseId: string };
  // DOC-1: a text record, or a corrected version of one; the digest pins its whole content.
  'record.created': {
    caseId: string;
    recordId: string;
    kind: string;
    stage: string;
    version: number;
    recordSha256: string;
  };
  'record.corrected': {
    caseId: string;
    recordId: string;
    supersedesId: string;
    kind: string;
    version: number;
    recordSha256: string;
  };
  // REVIEW-6: one step of an internal approval, by a named person in its role.
  'approval.decided': {
    caseId: string;
    recordId: string;
    stepIndex: number;
    role: string;
    decision: 'approved' | 'returned';
  };
  'case.stage_changed': { caseId: string; from: string; to: string };
  // PROC-8: the working-day calendar deadlines are counted on.
  'calendar.day_changed': { date: string; isWorkingDay: boolean; name: string | null };
  // PROC-8: a new year entered from the State Council's schedule; the days that differ from Monday–Friday.
  'calendar.year_added': {
    year: number;
    exceptions: { date: string; isWorkingDay: boolean; name: string | null }[];
  };
  // AV-7: an original filed to a case; the digest ties the entry to the bytes in the store.
  'evidence.added': { evidenceId: string; sha256: string; sm3: string | null; size: number; kind: string };
  // ACCESS-4: every view and download of an original.
  'evidence.accessed': { evidenceId: string; action: 'view' | 'download' };
  // AV-4: the written explanation of a gap in a recording.
  'evidence.gap_explained': { evidenceId: string; reason: string; statementId: string };
  // RET-2: a retention term applied to an original (and locked in the store).
  'evidence.retention_set': { evidenceId: string; retentionClass: string; retainUntil: string };
  'evidence.disposed': { evidenceId: string; sha256: string; approvedBy: string };
  'retention.fact_recorded': { fact: string; factId: string };
  'legal_hold.placed': { holdId: string; evidenceId: string | null };
  'legal_hold.released': { holdId: string };
  // RET-2: the one disposal path: a request, then the agency head's decision (carried out at once when approved).
  'evidence.disposal_requested': { requestId: string; evidenceId: string };
  'evidence.disposal_decided': { requestId: string; evidenceId: string; decision: 'approved' | 'rejected' };
  // AV-7: an unfinished upload that ran out of time; its staged bytes are removed and it never becomes evidence.
  'upload.expired': { uploadId: string; receivedBytes: number; declaredSize: number };
  // Fixity: a re-hash of stored originals; the counts are this agency's items.
  'fixity.run_completed': { runId: string; checked: number; bytes: number; missing: number; altered: number };
  // AV-6: the agency's rule for how soon AV evidence must be uploaded, and the continuity threshold (AV-4).
  'agency.evidence_settings_changed': { avUpload: string; maxGapSeconds: number };
  // DEV-1, DEV-2, AV-5: the device register, its history and pre-use checks.
  'device.registered': { deviceId: string; kind: string; serialNumber: string };
  'device.changed': {
    deviceId: string;
    eventId: string;
    type: string;
    assigneeUserId: string | null;
    assigneeSectionId: string | null;
  };
  'device.checked': { deviceId: string; checkId: string; isReady: boolean };
  // REVIEW-1: the agency's catalog of major decisions (publishable, so its content is in the entry's digest).
  'major_catalog.entry_added': { entryId: string; category: string; recordSha256: string };
  'major_catalog.entry_retired': { entryId: string };
  // REVIEW-2..5: rounds of legal review, the reviewer's opinion, extensions of its period and the head's ruling.
  'legal_review.submitted': {
    submissionId: string;
    round: number;
    draftRecordId: string;
    dueOn: string;
    catalogEntryIds: string[];
    grounds: string[];
    recordSha256: string;
  };
  'legal_review.decided': { submissionId: string; conclusion: string; opinionRecordId: string; recordSha256: string };
  'legal_review.extension_requested': { submissionId: string; extensionId: string; workingDays: number };
  'legal_review.extension_decided': { submissionId: string; extensionId: string; decision: string; dueOn: string };
  'legal_review.ruled': { submissionId: string; outcome: string; discussionRecordId: string };
  // DOC-2: a standard document generated from a record; the hashes pin the exact bytes kept.
  'document.generated': {
    documentId: string;
    recordId: string | null;
    templateId: string;
    pdfSha256: string;
    docxSha256: string;
  };
  // DOC-4: a signature on a record; the fingerprint pins the handwriting or the electronic signature.
  'record.signed': { recordId: string; signatureId: string; role: string; method: string; fingerprint: string };
  // SERVE-1: a proof of service (return receipt, voucher, announcement…) linked to its service receipt.
  'record.attachment_linked': { recordId: string; attachmentId: string; evidenceId: string; kind: string };
  // LEDGER-4: an upper-level agency saw and cosigned a subordinate's checkpoint.
  'checkpoint.observed': { logAgencyId: string; origin: string; size: number; rootHex: string; noteSha256: string };
  // LEDGER-2: the log's signing key changed; the checkpoint covering this entry is signed by the old key.
  'ledger.key_rotated': { purpose: 'log' | 'witness'; oldVkey: string | null; newVkey: string };
};

export type LedgerEventType = keyof LedgerEventPayloads;

export type LedgerSubjectType =
  | 'agency'
  | 'section'
  | 'user'
  | 'credential'
  | 'case'
  | 'record'
  | 'calendar'
  | 'checkpoint'
  | 'key'
  | 'evidence'
  | 'hold'
  | 'device'
  | 'upload'
  | 'fixity'
  | 'catalog'
  | 'review'
  | 'document';

export const LEDGER_EVENT_SUBJECT = {
  'agency.created': 'agency',
  'section.created': 'section',
  'user.created': 'user',
  'credential.issued': 'credential',
  'auth.login_succeeded': 'user',
  'auth.login_failed': 'user',
  'auth.logged_out': 'user',
  'case.created': 'case',
  'case.viewed': 'case',
  'record.created': 'record',
  'record.corrected': 'record',
  'approval.decided': 'record',
  'case.stage_changed': 'case',
  'calendar.day_changed': 'calendar',
  'calendar.year_added': 'calendar',
  'evidence.added': 'evidence',
  'evidence.accessed': 'evidence',
  'evidence.gap_explained': 'evidence',
  'evidence.retention_set': 'evidence',
  'evidence.disposed': 'evidence',
  'retention.fact_recorded': 'case',
  'legal_hold.placed': 'hold',
  'legal_hold.released': 'hold',
  'evidence.disposal_requested': 'evidence',
  'evidence.disposal_decided': 'evidence',
  'upload.expired': 'upload',
  'fixity.run_completed': 'fixity',
  'agency.evidence_settings_changed': 'agency',
  'device.registered': 'device',
  'device.changed': 'device',
  'device.checked': 'device',
  'major_catalog.entry_added': 'catalog',
  'major_catalog.entry_retired': 'catalog',
  'legal_review.submitted': 'review',
  'legal_review.decided': 'review',
  'legal_review.extension_requested': 'review',
  'legal_review.extension_decided': 'review',
  'legal_review.ruled': 'review',
  'document.generated': 'document',
  'record.signed': 'record',
  'record.attachment_linked': 'record',
  'checkpoint.observed': 'checkpoint',
  'ledger.key_rotated': 'key',
} as const satisfies Record<LedgerEventType, LedgerSubjectType>;

export const LEDGER_EVENT_TYPES = Object.keys(LEDGER_EVENT_SUBJECT) as LedgerEventType[];

export type LedgerEvent = {
  [K in LedgerEventType]: { type: K; subjectId: string; caseId: string | null; payload: LedgerEventPayloads[K] };
}[LedgerEventType];
