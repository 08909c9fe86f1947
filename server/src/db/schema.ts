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
      sql`${t.role} in ('officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'archivist', 'supervisor', 'device_keeper', 'intake_clerk', 'system_admin', 'security_admin', 'audit_admin')`,
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
