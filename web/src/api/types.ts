export type Role =
  | 'officer'
  | 'lead_officer'
  | 'section_head'
  | 'legal_reviewer'
  | 'agency_head'
  | 'deputy_head'
  | 'archivist'
  | 'supervisor'
  | 'device_keeper'
  | 'intake_clerk'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

/** A penalty case's sources; other procedures bring their own (from GET /api/procedures), so the API sends a string. */
export type PenaltyCaseSource = 'complaint' | 'inspection' | 'transfer' | 'own_initiative';

export type CaseSource = string;

export type ProcedureType = 'penalty' | 'inspection' | 'compulsion' | 'licensing';

export type PartyKind = 'person' | 'organization';

export type Credential = {
  number: string;
  field: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  isValid: boolean;
};

export type Me = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agency: { id: string; name: string; shortName: string };
  section: { id: string; name: string } | null;
  credentials: Credential[];
  permissions: {
    canCreateCase: boolean;
    canReadCases: boolean;
    canViewPeople: boolean;
    canInspectLedger: boolean;
    // Newer permissions: an older server leaves them out, which means no.
    canRecord?: boolean;
    canAdvance?: boolean;
    canManageCalendar?: boolean;
    canUploadEvidence?: boolean;
    canDownloadEvidence?: boolean;
    canManageDevices?: boolean;
    canCheckDevices?: boolean;
    canAuditEvidence?: boolean;
    canDisposeEvidence?: boolean;
    canManageRetention?: boolean;
    canManageLegalHolds?: boolean;
    canConfigureEvidence?: boolean;
    canManageMajorCatalog?: boolean;
    canSubmitLegalReview?: boolean;
    canDecideLegalReview?: boolean;
    canExtendLegalReview?: boolean;
    canRuleLegalReview?: boolean;
    canOverseeLegalReviews?: boolean;
    canGenerateDocuments?: boolean;
  };
};

export type DemoUser = { username: string; displayName: string; roles: Role[] };

export type Meta = { isDemo: boolean; demoPassword: string | null; demoUsers: DemoUser[] };

export type ActorRef = { id: string; displayName: string };

export type CaseSummary = {
  id: string;
  number: string;
  procedure: string;
  /** The procedure definition in force when the case was registered, e.g. penalty.national. */
  definitionId?: string;
  stage: string;
  source: CaseSource;
  place: string;
  discoveredOn: string;
  summary: string;
  partyKind: PartyKind;
  partyName: string;
  createdAt: string;
  createdBy: ActorRef;
};

export type CaseParty = {
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
};

export type TimelineEntry = {
  /** Null while the entry waits in the queue for its place in the log (well under a second). */
  seq: number | null;
  type: string;
  occurredAt: string;
  actor: ActorRef | null;
  via: 'web' | 'cli' | 'seed' | 'system';
  leafHash: string;
};

export type CaseDetail = CaseSummary & {
  sourceDetail: string | null;
  agency: { id: string; name: string; code: string };
  party: CaseParty;
  timeline: TimelineEntry[];
};

export type CasePage = { items: CaseSummary[]; total: number; page: number; pageSize: number };

export type NewPersonParty = {
  kind: 'person';
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
};

export type NewOrganizationParty = {
  kind: 'organization';
  name: string;
  creditCode: string;
  legalRepresentative: string;
  phone: string | null;
  address: string | null;
};

export type NewCaseRequest = {
  procedure: ProcedureType;
  source: CaseSource;
  sourceDetail: string | null;
  place: string;
  discoveredOn: string;
  summary: string;
  party: NewPersonParty | NewOrganizationParty;
};

export type AgencyLevel = 'region' | 'city' | 'county';

export type SectionKind = 'enforcement' | 'legal' | 'office' | 'other';

export type PeopleUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  section: { id: string; name: string } | null;
  isActive: boolean;
  credentials: Credential[];
};

export type People = {
  agency: { id: string; name: string; shortName: string; code: string; level: AgencyLevel };
  sections: { id: string; name: string; kind: SectionKind }[];
  users: PeopleUser[];
};

export type FieldError = { field: string; code: string; message: string };

export type LedgerHashAlgorithm = 'sha256' | 'sm3';

export type LedgerKey = { vkey: string; algorithm: string; createdAt: string };

export type LedgerKeys = {
  origin: string;
  hashAlgorithm: LedgerHashAlgorithm;
  logKeys: LedgerKey[];
  witnessKeys: LedgerKey[];
};

export type AuditFinding = { kind: string; seq?: number; size?: number; detail: string };

export type LedgerAudit = {
  finishedAt: string;
  entries: number;
  checkpoints: number;
  isOk: boolean;
  findings: AuditFinding[];
};

export type LedgerWitnessStatus = {
  agency: { id: string; name: string };
  witnessedSize: number | null;
  witnessedAt: string | null;
  isLatestCosigned: boolean;
};

export type LedgerLogStatus = {
  agency: { id: string; code: string; name: string; level: AgencyLevel };
  origin: string;
  hashAlgorithm: LedgerHashAlgorithm;
  size: number;
  pending: number;
  /** Null until the first entry is integrated into the tree. */
  rootHex: string | null;
  vkeys: string[];
  checkpoint: { size: number; createdAt: string; note: string } | null;
  /** Null for a top-level agency, which no one above witnesses. */
  witness: LedgerWitnessStatus | null;
  audit: LedgerAudit | null;
};

export type WitnessAlertKind = 'inconsistent_checkpoint' | 'checkpoint_signature_invalid' | 'checkpoint_rollback';

export type WitnessAlert = {
  id: string;
  logAgencyId: string;
  witnessAgencyId: string | null;
  kind: WitnessAlertKind;
  detail: string;
  createdAt: string;
};

export type LedgerIntegrity = { logs: LedgerLogStatus[]; alerts: WitnessAlert[] };

export type AuditResult = { id: string; findings: AuditFinding[] };
