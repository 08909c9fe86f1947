import {
  addWorkingDays,
  AV_EVIDENCE_KINDS,
  chinaDate,
  checkContinuity,
  isInterruptionReasonId,
  unexplainedGaps,
  DomainError,
  findProcedureDefinition,
  isMajorCase,
  RECORD_KINDS,
  type CaseFacts,
  type ProcedureDefinition,
  type RecordFact,
  type RecordKindId,
  type WorkCalendar,
} from '@liuhen/domain';
import type { Executor } from '../db/client';
import {
  listEvidenceOfCases,
  listGapStatementsOfCases,
  type EvidenceItemRow,
  type GapStatementRow,
} from '../db/repos/evidence-repo';
import type { CaseRow } from '../db/repos/case-repo';
import {
  listApprovals,
  listRecordsOfCases,
  listStageChangesOfCases,
  type CaseRecordRow,
  type StageChangeRow,
} from '../db/repos/record-repo';
import { listAttachmentsOfCases, listSignaturesOfCases } from '../db/repos/document-repo';
import { listAgencyLevels, listMajorCatalog, listReviewRoundsOfCases } from '../db/repos/legal-review-repo';
import { approvalStateOf, type ApprovalState } from './approval-state';
import { activeCatalog, caseLegalReview, type AgencyLevel, type CaseLegalReview } from './legal-review-state';

export type StoredOfficer = {
  userId: string;
  name: string;
  credentialNumber: string | null;
  isCredentialValid: boolean;
  isCredentialShown: boolean;
};
export type StoredWitness = { name: string; idNumber?: string | null; phone?: string | null };

export type CaseRecordState = {
  row: CaseRecordRow;
  /** All versions of this record, oldest first; `row` is the newest. */
  versions: CaseRecordRow[];
  approval: ApprovalState;
};

export type CaseState = {
  definition: ProcedureDefinition;
  visitedStages: string[];
  stageChanges: StageChangeRow[];
  records: CaseRecordState[];
  isMajorCase: boolean;
  legalReview: CaseLegalReview;
  facts: CaseFacts;
};

export const definitionOf = (caseRow: CaseRow): ProcedureDefinition => {
  const definition = findProcedureDefinition(caseRow.definitionId);
  if (!definition) throw new DomainError('UNKNOWN_PROCEDURE', { id: caseRow.definitionId });

  return definition;
};

/** Groups record rows into chains of versions and keeps the newest of each (DOC-1: corrections are new versions). */
const latestVersions = (rows: CaseRecordRow[]): { row: CaseRecordRow; versions: CaseRecordRow[] }[] => {
  const superseded = new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const byId = new Map(rows.map((r) => [r.id, r]));

  return rows
    .filter((r) => !superseded.has(r.id))
    .map((row) => {
      const versions = [row];
      let current = row;
      while (current.supersedesId) {
        const previous = byId.get(current.supersedesId);
        if (!previous) break;
        versions.unshift(previous);
        current = previous;
      }

      return { row, versions };
    });
};

type StateOptions = { db: Executor; now: Date; calendar: WorkCalendar; maxGapSeconds?: number };

/** AV-4: the clips filed against one record, as the continuity check takes them, with the statements made on them. */
export const continuityOfClips = (
  clips: readonly EvidenceItemRow[],
  statements: readonly GapStatementRow[],
  now: Date,
  maxGapSeconds?: number,
) => {
  const ids = new Set(clips.map((c) => c.id));

  return checkContinuity({
    clips: clips.map((c) => {
      const timing = c.mediaTiming as { creationTime: string | null; durationMs: number | null };

      return {
        id: c.id,
        startedAt: timing.creationTime,
        durationMs: timing.durationMs,
        declaredStartedAt: c.recordedStartedAt.toISOString(),
        declaredEndedAt: c.recordedEndedAt?.toISOString() ?? null,
        uploadedAt: c.uploadedAt.toISOString(),
      };
    }),
    interruptions: statements
      .filter((s) => ids.has(s.afterEvidenceId) && isInterruptionReasonId(s.reason))
      .map((s) => ({ afterClipId: s.afterEvidenceId, reasonId: s.reason as never, text: s.text })),
    now: now.toISOString(),
    ...(maxGapSeconds === undefined ? {} : { maxGapSeconds }),
  });
};

const isAvRow = (item: EvidenceItemRow) => (AV_EVIDENCE_KINDS as readonly string[]).includes(item.kind);

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }

  return groups;
};

/**
 * Everything known about the process of each case, and the facts its compliance rules are evaluated on; a fixed
 * number of queries for any number of cases, so the to-do list over every open case stays flat.
 */
export const loadCaseStates = async (options: StateOptions & { caseRows: CaseRow[] }): Promise<CaseState[]> => {
  const { db, caseRows, calendar } = options;
  const caseIds = caseRows.map((c) => c.id);
  const changesByCase = groupBy(await listStageChangesOfCases(db, caseIds), (c) => c.caseId);
  const recordsByCase = groupBy(await listRecordsOfCases(db, caseIds), (r) => r.caseId);
  const chainsByCase = new Map(caseIds.map((id) => [id, latestVersions(recordsByCase.get(id) ?? [])]));
  // AV-2, AV-4: the audio-video filed against each record, and the interruptions in it nobody has explained.
  const avOfCases = (await listEvidenceOfCases(db, caseIds)).filter(isAvRow);
  const avByRecord = groupBy(
    avOfCases.filter((e) => e.recordId !== null),
    (e) => e.recordId!,
  );
  // Clips without a record form one activity per stage and device, as the evidence list shows them.
  const unlinkedByCase = groupBy(
    avOfCases.filter((e) => e.recordId === null),
    (e) => e.caseId,
  );
  const statementsByCase = groupBy(await listGapStatementsOfCases(db, caseIds), (s) => s.caseId);
  const approvalsByRecord = groupBy(
    await listApprovals(
      db,
      [...chainsByCase.values()].flatMap((chains) => chains.map((c) => c.row.id)),
    ),
    (a) => a.approval.recordId,
  );
  // REVIEW-1..5: the catalogs in force, each agency's level and every round of legal review.
  const agencyIds = [...new Set(caseRows.map((c) => c.agencyId))];
  const catalogRows = await listMajorCatalog(db, agencyIds);
  const levels = new Map((await listAgencyLevels(db, agencyIds)).map((a) => [a.id, a.level as AgencyLevel]));
  const roundsByCase = groupBy(await listReviewRoundsOfCases(db, caseIds), (r) => r.submission.caseId);
  // DOC-4, SERVE-1: signatures and proofs of service on each record.
  const signaturesByRecord = groupBy(await listSignaturesOfCases(db, caseIds), (s) => s.recordId);
  const attachmentsByRecord = groupBy(await listAttachmentsOfCases(db, caseIds), (a) => a.recordId);
  const today = chinaDate(options.now);
  const addDays: CaseFacts['addWorkingDays'] = (date, days) => {
    const walk = addWorkingDays(calendar, date, days);

    return { date: walk.date, isCovered: walk.uncoveredYears.length === 0 };
  };

  return caseRows.map((caseRow) => {
    const definition = definitionOf(caseRow);
    const stageChanges = changesByCase.get(caseRow.id) ?? [];
    const visitedStages = [definition.initialStage, ...stageChanges.map((c) => c.toStage)];
    const chains = chainsByCase.get(caseRow.id)!;
    const major = isMajorCase(chains.map((c) => ({ content: c.row.content as Record<string, unknown> })));
    const legalReview = caseLegalReview({
      isFiledAsMajor: major,
      latestRecords: chains.map((c) => c.row),
      catalog: activeCatalog(catalogRows.filter((r) => r.entry.agencyId === caseRow.agencyId)),
      agencyLevel: levels.get(caseRow.agencyId) ?? 'county',
      rounds: roundsByCase.get(caseRow.id) ?? [],
    });
    const records: CaseRecordState[] = chains.map((chain) => ({
      ...chain,
      approval: approvalStateOf(chain.row.kind as RecordKindId, major, approvalsByRecord.get(chain.row.id) ?? []),
    }));
    const recordFacts: RecordFact[] = records.map(({ row, approval }) => ({
      id: row.id,
      kind: row.kind as RecordKindId,
      stage: row.stage,
      recordedOn: chinaDate(row.recordedAt),
      officers: row.officers as StoredOfficer[],
      // DOC-4: a party's signature collected after the record was made (on a tablet or scanned paper) resolves it.
      partySignature:
        row.partySignature === 'pending' && (signaturesByRecord.get(row.id) ?? []).some((sig) => sig.role === 'party')
          ? 'signed'
          : (row.partySignature as RecordFact['partySignature']),
      avEvidenceCount: avByRecord.get(row.id)?.length ?? 0,
      avUnexplainedGaps: unexplainedGaps(
        continuityOfClips(
          avByRecord.get(row.id) ?? [],
          statementsByCase.get(caseRow.id) ?? [],
          options.now,
          options.maxGapSeconds,
        ),
      ).length,
      avReason: row.avReason,
      content: row.content as Record<string, unknown>,
      approval: approval.status,
      signatures: (signaturesByRecord.get(row.id) ?? []).map((sig) => ({ role: sig.role })),
      attachments: (attachmentsByRecord.get(row.id) ?? []).map((a) => ({ kind: a.kind })),
    }));
    const unlinkedAvGaps = [
      ...groupBy(unlinkedByCase.get(caseRow.id) ?? [], (e) => `${e.stage}|${e.deviceId ?? 'none'}`).values(),
    ].map((clips) => ({
      stage: clips[0]!.stage,
      count: unexplainedGaps(
        continuityOfClips(clips, statementsByCase.get(caseRow.id) ?? [], options.now, options.maxGapSeconds),
      ).length,
    }));
    const facts: CaseFacts = {
      definition,
      stage: caseRow.stage,
      source: caseRow.source,
      // The approvals keep the filing's own flag; the rules see every reason a decision is major (REVIEW-1).
      isMajorCase: major || legalReview.isMajorDecision,
      legalReview: {
        isMajorDecision: legalReview.isMajorDecision,
        status: legalReview.status,
        canDecide: legalReview.canDecide,
        message: legalReview.message,
      },
      visitedStages,
      records: recordFacts,
      unlinkedAvGaps,
      today,
      addWorkingDays: addDays,
    };

    return { definition, visitedStages, stageChanges, records, isMajorCase: major, legalReview, facts };
  });
};

export const loadCaseState = async (options: StateOptions & { caseRow: CaseRow }): Promise<CaseState> => {
  const [state] = await loadCaseStates({ ...options, caseRows: [options.caseRow] });

  return state!;
};

export const kindOf = (kind: string) => RECORD_KINDS[kind as RecordKindId];
