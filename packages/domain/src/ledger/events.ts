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
  // LEDGER-4: an upper-level agency saw and cosigned a subordinate's checkpoint.
  'checkpoint.observed': { logAgencyId: string; origin: string; size: number; rootHex: string; noteSha256: string };
  // LEDGER-2: the log's signing key changed; the checkpoint covering this entry is signed by the old key.
  'ledger.key_rotated': { purpose: 'log' | 'witness'; oldVkey: string | null; newVkey: string };
};

export type LedgerEventType = keyof LedgerEventPayloads;

export type LedgerSubjectType = 'agency' | 'section' | 'user' | 'credential' | 'case' | 'checkpoint' | 'key';

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
  'checkpoint.observed': 'checkpoint',
  'ledger.key_rotated': 'key',
} as const satisfies Record<LedgerEventType, LedgerSubjectType>;

export const LEDGER_EVENT_TYPES = Object.keys(LEDGER_EVENT_SUBJECT) as LedgerEventType[];

export type LedgerEvent = {
  [K in LedgerEventType]: { type: K; subjectId: string; caseId: string | null; payload: LedgerEventPayloads[K] };
}[LedgerEventType];
