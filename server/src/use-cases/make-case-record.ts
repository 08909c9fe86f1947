import {
  assertRecordAllowed,
  chinaDate,
  courtApplicationProblems,
  DomainError,
  servedDateOf,
  isCredentialValidOn,
  isIsoDateTime,
  isRecordKindId,
  recordDigest,
  RECORD_KINDS,
  validateRecordContent,
  type CanonicalValue,
  type RecordKindDefinition,
  type RecordKindId,
} from '@liuhen/domain';
import type { Tx } from '../db/client';
import { findCaseRecord, insertCaseRecord, isSuperseded, lockCase, type CaseRecordRow } from '../db/repos/record-repo';
import { findUserById, listCredentialsOfUsers } from '../db/repos/user-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import {
  definitionOf,
  loadCaseState,
  type CaseState,
  type StoredOfficer,
  type StoredWitness,
} from '../procedures/case-state';
import { loadWorkCalendar } from './work-calendar';
import type { UseCaseContext, UserActor } from './context';

export type RecordInput = {
  kind: string;
  recordedAt: string;
  place?: string | null;
  officers: { userId: string; isCredentialShown: boolean }[];
  partySignature?: 'signed' | 'refused' | 'pending' | null;
  refusalReason?: string | null;
  witnesses?: { name: string; idNumber?: string | null; phone?: string | null }[];
  content: unknown;
  avReason?: string | null;
};

const WORKFLOW_KINDS: ReadonlySet<string> = new Set(['legal_review_opinion']);
// Records that make, serve or enforce a decision, checked against legal review and the execution rules.
const GATED_KINDS: ReadonlySet<string> = new Set([
  'penalty_decision',
  'licensing_decision',
  'service_receipt',
  'court_enforcement_application',
]);

/**
 * REVIEW-5: a major decision is not made or served without 同意; SERVE-2: a court is asked to enforce only ten days
 * after the demand notice was served, with the party's statements re-examined (行政强制法 第三十六条, 第五十四条).
 */
const checkDecisionGates = (options: { kind: RecordKindId; content: Record<string, unknown>; state: CaseState }) => {
  const { kind, content, state } = options;
  const review = state.facts.legalReview;
  const isDecisionServed =
    kind === 'service_receipt' && ['penalty_decision', 'licensing_decision'].includes(String(content.documentKind));
  if ((kind === 'penalty_decision' || kind === 'licensing_decision' || isDecisionServed) && review.isMajorDecision) {
    if (!review.canDecide)
      throw new DomainError('LEGAL_REVIEW_REQUIRED', { status: review.status, message: review.message });
  }
  if (kind === 'court_enforcement_application') {
    const statements = state.facts.records.filter(
      (r) => r.kind === 'statement_defence_record' && (r.stage === 'execution' || r.content.stage === 'after_demand'),
    );
    const problems = courtApplicationProblems({
      demandServedOn: servedDateOf(state.facts, 'demand_notice'),
      appliedOn: String(content.appliedOn),
      hasPartyStatements: statements.length > 0,
      hasPartyStatementsReexamined: statements.every((r) => typeof r.content.reviewOutcome === 'string'),
    });
    if (problems.length > 0) {
      throw new DomainError(problems[0]!.code, { problems });
    }
  }
};

type Problem = { field: string; code: 'VALIDATION_FAILED' | 'INVALID_DATE' | 'INVALID_OFFICER' | 'DATE_IN_FUTURE' };

// Credential holders who may be named as the officers of a record (ORG-2); administrators and clerks are not.
const OFFICER_ROLES = new Set(['officer', 'lead_officer', 'section_head', 'agency_head', 'legal_reviewer']);

/** Checks everything about a record that does not need the database, listing all problems at once (SEC-3). */
const checkEnvelope = (kind: RecordKindId, input: RecordInput, now: Date): Problem[] => {
  const problems: Problem[] = [];
  const definition: RecordKindDefinition = RECORD_KINDS[kind];
  if (!isIsoDateTime(input.recordedAt)) problems.push({ field: 'recordedAt', code: 'INVALID_DATE' });
  else if (new Date(input.recordedAt).getTime() > now.getTime() + 5 * 60_000) {
    problems.push({ field: 'recordedAt', code: 'DATE_IN_FUTURE' });
  }
  if ((input.place?.trim().length ?? 0) > 200) problems.push({ field: 'place', code: 'VALIDATION_FAILED' });
  if (input.officers.length === 0 || input.officers.length > 20)
    problems.push({ field: 'officers', code: 'VALIDATION_FAILED' });
  if (new Set(input.officers.map((o) => o.userId)).size !== input.officers.length) {
    problems.push({ field: 'officers', code: 'INVALID_OFFICER' });
  }
  const signature = input.partySignature ?? null;
  if (definition.partySignature === 'required') {
    if (signature === null) problems.push({ field: 'partySignature', code: 'VALIDATION_FAILED' });
    if (signature === 'refused' && !input.refusalReason?.trim())
      problems.push({ field: 'refusalReason', code: 'VALIDATION_FAILED' });
  } else if (signature !== null || input.refusalReason) {
    // The party does not sign this kind: a signature here would be one nobody gave.
    problems.push({ field: 'partySignature', code: 'VALIDATION_FAILED' });
  }
  const witnesses = input.witnesses ?? [];
  if (definition.witnesses === 'required' && witnesses.length === 0)
    problems.push({ field: 'witnesses', code: 'VALIDATION_FAILED' });
  if (definition.witnesses === 'none' && witnesses.length > 0)
    problems.push({ field: 'witnesses', code: 'VALIDATION_FAILED' });
  witnesses.forEach((w, i) => {
    if (!w.name?.trim() || w.name.trim().length > 50)
      problems.push({ field: `witnesses.${i}.name`, code: 'VALIDATION_FAILED' });
  });
  if ((input.avReason?.trim().length ?? 0) > 1000) problems.push({ field: 'avReason', code: 'VALIDATION_FAILED' });

  return problems;
};

const refuse = (problems: { field: string; code: string }[]): never => {
  const codes = new Set(problems.map((p) => p.code));
  throw new DomainError((codes.size === 1 ? [...codes][0] : 'VALIDATION_FAILED') as 'VALIDATION_FAILED', {
    fields: problems,
  });
};

/** The officers as the register knows them on the record's date: names and credentials come from the server, not the client. */
const resolveOfficers = async (
  tx: Tx,
  agencyId: string,
  officers: RecordInput['officers'],
  recordedOn: string,
): Promise<StoredOfficer[]> => {
  const resolved: StoredOfficer[] = [];
  const credentials = await listCredentialsOfUsers(
    tx,
    officers.map((o) => o.userId),
  );
  for (const [index, officer] of officers.entries()) {
    const user = /^[0-9a-f-]{36}$/.test(officer.userId) ? await findUserById(tx, officer.userId) : null;
    if (!user || user.agencyId !== agencyId || !user.isActive || !user.roles.some((r) => OFFICER_ROLES.has(r))) {
      throw new DomainError('INVALID_OFFICER', {
        fields: [{ field: `officers.${index}.userId`, code: 'INVALID_OFFICER' }],
      });
    }
    const valid = credentials.find((c) => c.userId === user.id && isCredentialValidOn(c, recordedOn));
    const any = credentials.find((c) => c.userId === user.id);
    resolved.push({
      userId: user.id,
      name: user.displayName,
      credentialNumber: (valid ?? any)?.number ?? null,
      isCredentialValid: valid !== undefined,
      isCredentialShown: officer.isCredentialShown,
    });
  }

  return resolved;
};

export const storedRecordDigest = (row: Omit<CaseRecordRow, 'contentSha256'>): string =>
  recordDigest({
    ...row,
    recordedAt: row.recordedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  } as unknown as CanonicalValue);

/**
 * DOC-1, PROC-7, ORG-3: makes a text record of the case's current stage (or a corrected version of an earlier one),
 * with its officers, the party's signature or refusal, witnesses and structured content, and its ledger entry.
 */
const writeRecord = async (options: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  input: RecordInput;
  correction: { recordId: string; reason: string } | null;
}): Promise<CaseRecordRow> => {
  const { ctx, actor, caseId, input, correction } = options;
  authorize(actor, 'case.record');
  if (!isRecordKindId(input.kind)) throw new DomainError('UNKNOWN_RECORD_KIND', { kind: input.kind });
  const kind = input.kind;
  const now = ctx.clock.now();
  const content = validateRecordContent(kind, input.content);
  const problems: { field: string; code: string }[] = [...checkEnvelope(kind, input, now), ...content.problems];
  if (correction && (!correction.reason.trim() || correction.reason.length > 500)) {
    problems.push({ field: 'correctionReason', code: 'VALIDATION_FAILED' });
  }
  if (problems.length > 0) refuse(problems);
  // REVIEW-3: the opinion document is the legal review's own output, so nobody writes one by hand.
  if (WORKFLOW_KINDS.has(kind)) throw new DomainError('RECORD_MADE_BY_WORKFLOW', { kind });
  const calendar = GATED_KINDS.has(kind) ? await loadWorkCalendar(ctx.db, now) : null;

  return ctx.db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId);
    if (!caseRow || caseRow.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    const definition = definitionOf(caseRow);
    let stage = caseRow.stage;
    let version = 1;
    let supersedesId: string | null = null;
    if (correction) {
      const previous = await findCaseRecord(tx, correction.recordId);
      if (!previous || previous.caseId !== caseId)
        throw new DomainError('RECORD_NOT_FOUND', { id: correction.recordId });
      if (await isSuperseded(tx, previous.id)) throw new DomainError('RECORD_SUPERSEDED', { id: previous.id });
      if (previous.kind !== kind) refuse([{ field: 'kind', code: 'VALIDATION_FAILED' }]);
      stage = previous.stage;
      version = previous.version + 1;
      supersedesId = previous.id;
      const stageDefinition = definition.stages.find((s) => s.id === caseRow.stage);
      if (stageDefinition?.isTerminal) throw new DomainError('CASE_CLOSED', { stage: caseRow.stage });
    } else {
      assertRecordAllowed(definition, caseRow.stage, kind);
    }
    if (calendar) {
      const state = await loadCaseState({ db: tx, caseRow, now, calendar });
      checkDecisionGates({ kind, content: content.content, state });
    }
    const recordedAt = new Date(input.recordedAt);
    const officers = await resolveOfficers(tx, actor.agencyId, input.officers, chinaDate(recordedAt));
    const witnesses: StoredWitness[] = (input.witnesses ?? []).map((w) => ({
      name: w.name.trim(),
      idNumber: w.idNumber?.trim() || null,
      phone: w.phone?.trim() || null,
    }));
    const base = {
      id: ctx.newId(),
      caseId,
      kind,
      stage,
      version,
      supersedesId,
      correctionReason: correction?.reason.trim() ?? null,
      recordedAt,
      place: input.place?.trim() || null,
      officers,
      partySignature:
        RECORD_KINDS[kind].partySignature === 'required' ? (input.partySignature ?? 'pending') : 'not_required',
      refusalReason: input.partySignature === 'refused' ? input.refusalReason!.trim() : null,
      witnesses,
      content: content.content,
      avReason: input.avReason?.trim() || null,
      createdBy: actor.userId,
      createdAt: now,
    };
    const row: CaseRecordRow = { ...base, contentSha256: storedRecordDigest(base) };
    await insertCaseRecord(tx, row);
    await appendLedgerEntry(tx, {
      agencyId: caseRow.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: correction
        ? {
            type: 'record.corrected',
            subjectId: row.id,
            caseId,
            payload: {
              caseId,
              recordId: row.id,
              supersedesId: correction.recordId,
              kind,
              version,
              recordSha256: row.contentSha256,
            },
          }
        : {
            type: 'record.created',
            subjectId: row.id,
            caseId,
            payload: { caseId, recordId: row.id, kind, stage, version, recordSha256: row.contentSha256 },
          },
    });

    return row;
  });
};

export const makeCaseRecord = (options: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  input: RecordInput;
}) => writeRecord({ ...options, correction: null });

/** DOC-1: a signed record is never changed; the correction is a new version that names the one it corrects. */
export const correctCaseRecord = (options: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
  recordId: string;
  reason: string;
  input: RecordInput;
}) => writeRecord({ ...options, correction: { recordId: options.recordId, reason: options.reason } });
