import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// PGlite hands back Uint8Array and pg hands back Buffer; both become Uint8Array here.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level').notNull(),
    /** PROC-1: which local variant of the procedures this agency follows ('national' when none). */
    procedureVariant: text('procedure_variant').notNull().default('national'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agencies_code_key').on(t.code),
    check('agencies_level_check', sql`${t.level} in ('region', 'city', 'county')`),
  ],
);

export const sections = pgTable(
  'sections',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sections_agency_name_key').on(t.agencyId, t.name),
    check('sections_kind_check', sql`${t.kind} in ('enforcement', 'legal', 'office', 'other')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    sectionId: uuid('section_id').references(() => sections.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_agency_idx').on(t.agencyId)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      'user_roles_role_check',
      sql`${t.role} in ('officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'deputy_head', 'archivist', 'supervisor', 'device_keeper', 'intake_clerk', 'system_admin', 'security_admin', 'audit_admin')`,
    ),
  ],
);

export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    number: text('number').notNull(),
    field: text('field').notNull(),
    issuer: text('issuer').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credentials_number_key').on(t.number),
    index('credentials_user_idx').on(t.userId),
    check('credentials_period_check', sql`${t.validTo} >= ${t.validFrom}`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a leaked table does not yield usable sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    userId: uuid('user_id').references(() => users.id),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('login_attempts_user_at_idx').on(t.userId, t.at),
    check(
      'login_attempts_outcome_check',
      sql`${t.outcome} in ('success', 'bad_password', 'locked', 'disabled', 'unknown_user')`,
    ),
  ],
);

export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    userId: uuid('user_id'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    ip: text('ip'),
  },
  (t) => [index('security_events_at_idx').on(t.at)],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    procedure: text('procedure').notNull(),
    /** The procedure definition (and variant) in force when the case was registered. */
    definitionId: text('definition_id').notNull().default('penalty.national'),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    stage: text('stage').notNull(),
    source: text('source').notNull(),
    sourceDetail: text('source_detail'),
    place: text('place').notNull(),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('cases_agency_number_key').on(t.agencyId, t.number),
    uniqueIndex('cases_agency_sequence_key').on(t.agencyId, t.procedure, t.year, t.sequence),
    index('cases_agency_created_idx').on(t.agencyId, t.createdAt),
    // Each procedure defines its own sources (the domain validates them); the database keeps them well-formed ids.
    check('cases_source_format_check', sql`${t.source} ~ '^[a-z][a-z_]{0,39}$'`),
  ],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_parties_case_idx').on(t.caseId),
    check(
      'case_parties_kind_check',
      sql`(${t.kind} = 'person' and ${t.idNumber} is not null and ${t.creditCode} is null)
        or (${t.kind} = 'organization' and ${t.creditCode} is not null and ${t.legalRepresentative} is not null and ${t.idNumber} is null)`,
    ),
  ],
);

export const caseCounters = pgTable(
  'case_counters',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    procedure: text('procedure').notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedure, t.year] })],
);

export const ledgerLogs = pgTable(
  'ledger_logs',
  {
    agencyId: uuid('agency_id')
      .primaryKey()
      .references(() => agencies.id),
    // C2SP checkpoint origin, fixed at creation: <host>/ledger/<agency code>/<hash algorithm>.
    origin: text('origin').notNull(),
    hashAlgorithm: text('hash_algorithm').notNull(),
    /** Entries sequenced into ledger_entries. */
    size: bigint('size', { mode: 'number' }).notNull(),
    headChainHash: bytea('head_chain_hash').notNull(),
    /** Entries integrated into the Merkle tree (tiles); a checkpoint never covers more. */
    treeSize: bigint('tree_size', { mode: 'number' }).notNull().default(0),
    root: bytea('root'),
    createdAt: createdAt(),
  },
  (t) => [check('ledger_logs_hash_check', sql`${t.hashAlgorithm} in ('sha256', 'sm3')`)],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    type: text('type').notNull(),
    caseId: uuid('case_id'),
    actorUserId: uuid('actor_user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    leaf: bytea('leaf').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    chainHash: bytea('chain_hash').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.seq] }),
    uniqueIndex('ledger_entries_id_key').on(t.id),
    index('ledger_entries_case_idx').on(t.caseId, t.seq),
    check('ledger_entries_seq_check', sql`${t.seq} >= 0`),
  ],
);

/** Entries committed with their business change and waiting for the sequencer (ADR 0003). */
export const ledgerQueue = pgTable(
  'ledger_queue',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    entryId: uuid('entry_id').notNull(),
    type: text('type').notNull(),
    caseId: uuid('case_id'),
    actorUserId: uuid('actor_user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    leaf: bytea('leaf').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    payload: text('payload').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_queue_entry_key').on(t.entryId),
    index('ledger_queue_agency_idx').on(t.agencyId, t.id),
    index('ledger_queue_case_idx').on(t.caseId, t.id),
  ],
);

export const ledgerTiles = pgTable(
  'ledger_tiles',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    level: smallint('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hashes: bytea('hashes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.level, t.idx] }),
    check('ledger_tiles_width_check', sql`length(${t.hashes}) between 32 and 8192 and length(${t.hashes}) % 32 = 0`),
  ],
);

export const ledgerCheckpoints = pgTable(
  'ledger_checkpoints',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    size: bigint('size', { mode: 'number' }).notNull(),
    root: bytea('root').notNull(),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.size] })],
);

export const ledgerKeys = pgTable(
  'ledger_keys',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    purpose: text('purpose').notNull(),
    algorithm: text('algorithm').notNull(),
    keyName: text('key_name').notNull(),
    vkey: text('vkey').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.vkey] }),
    check('ledger_keys_purpose_check', sql`${t.purpose} in ('log', 'witness')`),
    check('ledger_keys_algorithm_check', sql`${t.algorithm} in ('ed25519', 'sm2', 'cosignature')`),
  ],
);

export const ledgerCosignatures = pgTable(
  'ledger_cosignatures',
  {
    logAgencyId: uuid('log_agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    size: bigint('size', { mode: 'number' }).notNull(),
    witnessAgencyId: uuid('witness_agency_id')
      .notNull()
      .references(() => agencies.id),
    witnessName: text('witness_name').notNull(),
    signatureLine: text('signature_line').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.logAgencyId, t.size, t.witnessAgencyId] })],
);

export const ledgerWitnessState = pgTable(
  'ledger_witness_state',
  {
    witnessAgencyId: uuid('witness_agency_id')
      .notNull()
      .references(() => agencies.id),
    logAgencyId: uuid('log_agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    size: bigint('size', { mode: 'number' }).notNull(),
    root: bytea('root').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.witnessAgencyId, t.logAgencyId] })],
);

export const ledgerAlerts = pgTable(
  'ledger_alerts',
  {
    id: uuid('id').primaryKey(),
    logAgencyId: uuid('log_agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    witnessAgencyId: uuid('witness_agency_id').references(() => agencies.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_alerts_log_idx').on(t.logAgencyId, t.createdAt)],
);

export const ledgerAudits = pgTable(
  'ledger_audits',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => ledgerLogs.agencyId),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull(),
    entries: bigint('entries', { mode: 'number' }).notNull(),
    checkpoints: integer('checkpoints').notNull(),
    isOk: boolean('is_ok').notNull(),
    findings: text('findings').notNull(),
    actorUserId: uuid('actor_user_id'),
  },
  (t) => [index('ledger_audits_agency_idx').on(t.agencyId, t.finishedAt)],
);

/** PROC-1: every stage change, never rewritten; the case row keeps only the current stage. */
export const caseStageChanges = pgTable(
  'case_stage_changes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_stage_changes_case_idx').on(t.caseId, t.at)],
);

/** DOC-1: text records, one row per version; a correction is a new row pointing at the one it corrects. */
export const caseRecords = pgTable(
  'case_records',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    stage: text('stage').notNull(),
    version: integer('version').notNull(),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => caseRecords.id),
    correctionReason: text('correction_reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place'),
    officers: jsonb('officers').notNull(),
    partySignature: text('party_signature').notNull(),
    refusalReason: text('refusal_reason'),
    witnesses: jsonb('witnesses').notNull(),
    content: jsonb('content').notNull(),
    avReason: text('av_reason'),
    contentSha256: text('content_sha256').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_records_case_idx').on(t.caseId, t.createdAt),
    // A version is corrected at most once, so the versions of a record form one chain.
    uniqueIndex('case_records_supersedes_key').on(t.supersedesId),
    check(
      'case_records_signature_check',
      sql`${t.partySignature} in ('signed', 'refused', 'pending', 'not_required') and (${t.partySignature} <> 'refused' or ${t.refusalReason} is not null)`,
    ),
  ],
);

/** REVIEW-6: each approval step, by a named person in the step's role, with opinion and time. */
export const caseRecordApprovals = pgTable(
  'case_record_approvals',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => caseRecords.id),
    stepIndex: integer('step_index').notNull(),
    role: text('role').notNull(),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('case_record_approvals_step_key').on(t.recordId, t.stepIndex),
    check('case_record_approvals_decision_check', sql`${t.decision} in ('approved', 'returned')`),
  ],
);

/** PROC-8: the working-day calendar, seeded from the official schedule and kept by administrators. */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  isWorkingDay: boolean('is_working_day').notNull(),
  name: text('name'),
  source: text('source').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

// ── Evidence (issue 5): audio-video and other originals, devices, retention ─────────────────────────────────

/** AV-6: the agency's upload limit (a preset id of AV_UPLOAD_PRESETS, or a custom count with its basis). */
export const agencyEvidenceSettings = pgTable('agency_evidence_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  avUpload: jsonb('av_upload').notNull(),
  maxGapSeconds: integer('max_gap_seconds').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** DEV-1: the device register. A device's changes are events; the row holds what never changes. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').notNull(),
    serialNumber: text('serial_number').notNull(),
    model: text('model').notNull(),
    name: text('name').notNull(),
    procuredOn: date('procured_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('devices_agency_serial_key').on(t.agencyId, t.serialNumber),
    check(
      'devices_kind_check',
      sql`${t.kind} in ('body_camera', 'camera', 'audio_recorder', 'fixed_surveillance', 'other')`,
    ),
  ],
);

/** DEV-1: issue to a person or section, return, maintenance, retirement; the current state is the last event. */
export const deviceEvents = pgTable(
  'device_events',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    type: text('type').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeSectionId: uuid('assignee_section_id').references(() => sections.id),
    note: text('note'),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('device_events_device_idx').on(t.deviceId, t.at),
    check(
      'device_events_type_check',
      sql`${t.type} in ('registered', 'assigned', 'returned', 'maintenance_started', 'maintenance_ended', 'retired')`,
    ),
  ],
);

/** AV-5: the check before field work: battery, free storage, clock offset against the server. */
export const deviceChecks = pgTable(
  'device_checks',
  {
    id: uuid('id').primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    caseId: uuid('case_id').references(() => cases.id),
    batteryPercent: smallint('battery_percent').notNull(),
    freeStorageMb: integer('free_storage_mb').notNull(),
    clockOffsetSeconds: integer('clock_offset_seconds').notNull(),
    isReady: boolean('is_ready').notNull(),
    note: text('note'),
    checkedBy: uuid('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('device_checks_device_idx').on(t.deviceId, t.checkedAt)],
);

/** AV-7: one original's bytes, stored once however many items refer to it. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  sm3: text('sm3'),
  size: bigint('size', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  store: text('store').notNull(),
  storedAt: timestamp('stored_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** AV-7: a resumable upload in progress; mutable while it runs, never evidence until finished. */
export const evidenceUploads = pgTable(
  'evidence_uploads',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The validated metadata the evidence item will carry. */
    metadata: jsonb('metadata').notNull(),
    filename: text('filename').notNull(),
    declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull(),
    /** Saved hash state at `hashedBytes`, so a resumed upload never rehashes from zero. */
    hashState: jsonb('hash_state'),
    hashedBytes: bigint('hashed_bytes', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    refusal: jsonb('refusal'),
    evidenceId: uuid('evidence_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('evidence_uploads_status_idx').on(t.status, t.expiresAt),
    index('evidence_uploads_case_idx').on(t.caseId),
    check(
      'evidence_uploads_status_check',
      sql`${t.status} in ('receiving', 'finishing', 'finished', 'refused', 'expired', 'cancelled')`,
    ),
  ],
);

/** AV-1, AV-3, AV-8: an original filed to a case; append-only. */
export const evidenceItems = pgTable(
  'evidence_items',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    stage: text('stage').notNull(),
    /** The text record of the field activity the file documents (AV-2, AV-4: continuity is per activity). */
    recordId: uuid('record_id').references(() => caseRecords.id),
    kind: text('kind').notNull(),
    blobSha256: text('blob_sha256')
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    recordedStartedAt: timestamp('recorded_started_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedEndedAt: timestamp('recorded_ended_at', { withTimezone: true, mode: 'date' }),
    place: text('place'),
    latitude: text('latitude'),
    longitude: text('longitude'),
    officers: jsonb('officers').notNull(),
    partyName: text('party_name'),
    deviceId: uuid('device_id').references(() => devices.id),
    focusItems: jsonb('focus_items').notNull(),
    providedBy: text('provided_by').notNull(),
    providerName: text('provider_name'),
    note: text('note'),
    /** What the file's own metadata says (creation time, duration), read at ingest. */
    mediaTiming: jsonb('media_timing').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    uploadDueAt: timestamp('upload_due_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('evidence_items_case_idx').on(t.caseId, t.recordedStartedAt),
    index('evidence_items_device_idx').on(t.deviceId, t.recordedStartedAt),
    index('evidence_items_blob_idx').on(t.blobSha256),
    check(
      'evidence_items_kind_check',
      sql`${t.kind} in ('video', 'audio', 'photo', 'scan', 'electronic_data', 'system_operation_data')`,
    ),
    check('evidence_items_provided_by_check', sql`${t.providedBy} in ('agency', 'party', 'bystander')`),
  ],
);

/** AV-4: the written explanation of an interruption, for the gap before `afterEvidenceId`. */
export const evidenceGapStatements = pgTable(
  'evidence_gap_statements',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    afterEvidenceId: uuid('after_evidence_id')
      .notNull()
      .references(() => evidenceItems.id),
    reason: text('reason').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_gap_statements_case_idx').on(t.caseId)],
);

/** RET-2: a fact that lengthens retention (objection, lawsuit, violence...), recorded on the case. */
export const caseRetentionFacts = pgTable(
  'case_retention_facts',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fact: text('fact').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_retention_facts_case_idx').on(t.caseId)],
);

/** RET-2: each retention term applied to an item (and locked in the store); terms only ever lengthen. */
export const evidenceRetention = pgTable(
  'evidence_retention',
  {
    id: uuid('id').primaryKey(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceItems.id),
    retentionClass: text('retention_class').notNull(),
    retainUntil: date('retain_until', { mode: 'string' }),
    reasons: jsonb('reasons').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('evidence_retention_evidence_idx').on(t.evidenceId, t.at)],
);

/** RET-2: a legal hold on a case or one item; released by a separate row, never by an update. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    evidenceId: uuid('evidence_id').references(() => evidenceItems.id),
    reason: text('reason').notNull(),
    placedBy: uuid('placed_by')
      .notNull()
      .references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('legal_holds_case_idx').on(t.caseId)],
);

export const legalHoldReleases = pgTable('legal_hold_releases', {
  holdId: uuid('hold_id')
    .primaryKey()
    .references(() => legalHolds.id),
  reason: text('reason').notNull(),
  releasedBy: uuid('released_by')
    .notNull()
    .references(() => users.id),
  releasedAt: timestamp('released_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** RET-2: the one disposal path begins with a request naming the item and why its term has run. */
export const evidenceDisposalRequests = pgTable(
  'evidence_disposal_requests',
  {
    id: uuid('id').primaryKey(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceItems.id),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('evidence_disposal_requests_evidence_idx').on(t.evidenceId)],
);

/** RET-2: the agency head's decision on a request; an approval is carried out at once and is final. */
export const evidenceDisposalDecisions = pgTable(
  'evidence_disposal_decisions',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => evidenceDisposalRequests.id),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [check('evidence_disposal_decisions_decision_check', sql`${t.decision} in ('approved', 'rejected')`)],
);

/** A periodic re-hash of stored originals; a finding names a missing or altered blob. */
export const fixityRuns = pgTable('fixity_runs', {
  id: uuid('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  checked: integer('checked').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  problems: jsonb('problems').notNull(),
});

/**
 * Fixity: one original checked in one run, a fact never changed. The newest row of an address says when its bytes
 * were last verified and what was found; the least recently verified are checked first, so a daily share covers all.
 */
export const blobFixityChecks = pgTable(
  'blob_fixity_checks',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => fixityRuns.id),
    /** The address checked; bytes in the store without a `blobs` row (`unreferenced`) have no row there to refer to. */
    sha256: text('sha256').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull(),
    outcome: text('outcome').notNull(),
    /** The size the `blobs` row records; null for unreferenced bytes. */
    expectedSize: bigint('expected_size', { mode: 'number' }),
    /** What the store holds: its size and the SHA-256 of its bytes; null when missing (or, for the hash, unread). */
    actualSize: bigint('actual_size', { mode: 'number' }),
    actualSha256: text('actual_sha256'),
    /** Why bytes that exist could not be read (unreadable). */
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.sha256] }),
    index('blob_fixity_checks_sha256_idx').on(t.sha256, t.checkedAt),
    check(
      'blob_fixity_checks_outcome_check',
      sql`${t.outcome} in ('ok', 'missing', 'altered', 'unreadable', 'unreferenced')`,
    ),
  ],
);

/** REVIEW-1: an entry of the agency's catalog of major enforcement decisions (重大执法决定目录清单); publishable. */
export const majorCatalogEntries = pgTable(
  'major_catalog_entries',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    category: text('category').notNull(),
    level: text('level').notNull(),
    field: text('field').notNull(),
    title: text('title').notNull(),
    penaltyKinds: jsonb('penalty_kinds').notNull(),
    partyType: text('party_type').notNull(),
    /** Yuan, as text with two decimals, so no float ever rounds a threshold. */
    amountThreshold: text('amount_threshold'),
    basis: text('basis').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('major_catalog_entries_agency_idx').on(t.agencyId, t.createdAt)],
);

/** REVIEW-1: an entry withdrawn from the catalog; the entry itself stays, as earlier decisions matched it. */
export const majorCatalogRetirements = pgTable('major_catalog_retirements', {
  entryId: uuid('entry_id')
    .primaryKey()
    .references(() => majorCatalogEntries.id),
  reason: text('reason').notNull(),
  retiredBy: uuid('retired_by')
    .notNull()
    .references(() => users.id),
  retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** REVIEW-2: one round of legal review: the draft reviewed, why the decision is major, and the six materials. */
export const legalReviewSubmissions = pgTable(
  'legal_review_submissions',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    round: integer('round').notNull(),
    draftRecordId: uuid('draft_record_id')
      .notNull()
      .references(() => caseRecords.id),
    /** Catalog entries matched (with their reasons, as they read then) and the grounds a person marked. */
    majorBasis: jsonb('major_basis').notNull(),
    proposal: text('proposal').notNull(),
    materials: jsonb('materials').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** REVIEW-4: ten working days from submission on the agency's calendar; extensions add to it. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('legal_review_submissions_round_key').on(t.caseId, t.round),
    index('legal_review_submissions_agency_idx').on(t.agencyId, t.submittedAt),
  ],
);

/** REVIEW-3: the reviewer's written opinion on a round: the eight points, the conclusion and the opinion record. */
export const legalReviewOpinions = pgTable(
  'legal_review_opinions',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => legalReviewSubmissions.id),
    points: jsonb('points').notNull(),
    conclusion: text('conclusion').notNull(),
    reasons: text('reasons').notNull(),
    correctionItems: text('correction_items'),
    /** The 法制审核意见书 filed in the case (REVIEW-5: the opinion is part of the case file). */
    recordId: uuid('record_id')
      .notNull()
      .references(() => caseRecords.id),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check(
      'legal_review_opinions_conclusion_check',
      sql`${t.conclusion} in ('approve', 'correct', 'do_not_decide', 'transfer')`,
    ),
  ],
);

/** REVIEW-4: a request to extend a round's review period; the deputy head's decision is its own row. */
export const legalReviewExtensions = pgTable('legal_review_extensions', {
  id: uuid('id').primaryKey(),
  submissionId: uuid('submission_id')
    .notNull()
    .references(() => legalReviewSubmissions.id),
  workingDays: integer('working_days').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const legalReviewExtensionDecisions = pgTable(
  'legal_review_extension_decisions',
  {
    extensionId: uuid('extension_id')
      .primaryKey()
      .references(() => legalReviewExtensions.id),
    decision: text('decision').notNull(),
    opinion: text('opinion').notNull(),
    /** The round's due date after an approval (unchanged after a rejection). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [check('legal_review_extension_decisions_check', sql`${t.decision} in ('approved', 'rejected')`)],
);

/** REVIEW-5: the head's ruling when drafter and reviewer still disagree, after a recorded collective discussion. */
export const legalReviewRulings = pgTable(
  'legal_review_rulings',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => legalReviewSubmissions.id),
    discussionRecordId: uuid('discussion_record_id')
      .notNull()
      .references(() => caseRecords.id),
    outcome: text('outcome').notNull(),
    reasons: text('reasons').notNull(),
    ruledBy: uuid('ruled_by')
      .notNull()
      .references(() => users.id),
    ruledAt: timestamp('ruled_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [check('legal_review_rulings_outcome_check', sql`${t.outcome} in ('proceed', 'follow_review')`)],
);

/**
 * DOC-4: a signature on a text record: an officer's electronic signature (a fingerprint over the record's digest),
 * or the party's, a witness's, a server's or a recipient's handwriting captured on a tablet or scanned from paper.
 */
export const recordSignatures = pgTable(
  'record_signatures',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => caseRecords.id),
    role: text('role').notNull(),
    signerName: text('signer_name').notNull(),
    signerUserId: uuid('signer_user_id').references(() => users.id),
    method: text('method').notNull(),
    imagePng: bytea('image_png'),
    imageSha256: text('image_sha256'),
    /** A paper page signed by hand and scanned back, filed as evidence. */
    scanEvidenceId: uuid('scan_evidence_id').references(() => evidenceItems.id),
    /** SHA-256 over the record's digest, the signer and the time (electronic), or of the image. */
    fingerprint: text('fingerprint').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('record_signatures_record_idx').on(t.recordId, t.signedAt),
    check('record_signatures_role_check', sql`${t.role} in ('officer', 'party', 'witness', 'server', 'recipient')`),
    check(
      'record_signatures_method_check',
      sql`(${t.method} = 'electronic' and ${t.signerUserId} is not null) or (${t.method} = 'handwritten' and ${t.imagePng} is not null) or (${t.method} = 'paper_scan' and ${t.scanEvidenceId} is not null)`,
    ),
  ],
);

/** SERVE-1: a proof of service filed as evidence and linked to its service receipt (return receipt, voucher…). */
export const recordAttachments = pgTable(
  'record_attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => caseRecords.id),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidenceItems.id),
    kind: text('kind').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('record_attachments_key').on(t.recordId, t.evidenceId, t.kind)],
);

/**
 * DOC-2: a generated standard document, PDF and DOCX, kept byte for byte with its hashes (ADR 0007). A document
 * generated again (after a signature or a correction) is a new row; none is ever changed.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    recordId: uuid('record_id').references(() => caseRecords.id),
    templateId: text('template_id').notNull(),
    title: text('title').notNull(),
    documentNumber: text('document_number'),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    docx: bytea('docx').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    /** The signatures the document carries, so a later one shows which document is current. */
    signatureIds: jsonb('signature_ids').notNull(),
    generatedBy: uuid('generated_by')
      .notNull()
      .references(() => users.id),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.generatedAt)],
);
