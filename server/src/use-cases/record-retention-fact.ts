import { DomainError, isRetentionFact, RETENTION_FACTS, type RetentionFact } from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { insertRetentionFact, listRetentionFacts } from '../db/repos/evidence-repo';
import { lockCase } from '../db/repos/record-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import {
  lockRetentionUpgrades,
  planRetentionUpgrades,
  recordRetentionUpgrades,
  type RetentionUpgrade,
} from './apply-retention-terms';
import type { UseCaseContext, UserActor } from './context';
import { retentionFactsOf } from './finish-evidence-upload';

const NOTE_MAX = 500;

/**
 * RET-1, RET-2: a fact that keeps the case's audio-video as long as the case file (an objection, a lawsuit,
 * violence...). Every item's term lengthens at once, in the store and in the ledger. With isPreview the terms it would
 * set are answered and nothing is stored.
 */
export const recordRetentionFact = async ({
  ctx,
  evidence,
  actor,
  caseId,
  input,
  isPreview = false,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  caseId: string;
  input: { fact: unknown; note?: unknown };
  isPreview?: boolean;
}): Promise<{ factId: string | null; upgrades: RetentionUpgrade[] }> => {
  authorize(actor, 'retention.manage');
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  if (!isRetentionFact(input.fact))
    throw new DomainError('VALIDATION_FAILED', { field: 'fact', allowed: Object.keys(RETENTION_FACTS) });
  const fact: RetentionFact = input.fact;
  const note = input.note === undefined || input.note === null ? null : input.note;
  if (note !== null && (typeof note !== 'string' || note.trim().length === 0 || note.length > NOTE_MAX))
    throw new DomainError('VALIDATION_FAILED', { field: 'note', maxLength: NOTE_MAX });
  if ((await listRetentionFacts(ctx.db, caseId)).some((f) => f.fact === fact))
    throw new DomainError('RETENTION_FACT_RECORDED', { fact });

  const facts = [...(await retentionFactsOf(ctx.db, caseId)), fact];
  const upgrades = await planRetentionUpgrades(ctx.db, found.case, facts);
  if (isPreview) return { factId: null, upgrades };

  await lockRetentionUpgrades(evidence.store, upgrades);
  const factId = ctx.newId();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    // Checked again under the case lock: two people recording the same fact at once leave one row.
    if ((await listRetentionFacts(tx, caseId)).some((f) => f.fact === fact))
      throw new DomainError('RETENTION_FACT_RECORDED', { fact });
    await insertRetentionFact(tx, {
      id: factId,
      caseId,
      fact,
      note: note?.trim() ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    const ledgerActor = ledgerActorOf(actor);
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActor,
      occurredAt: now,
      event: { type: 'retention.fact_recorded', subjectId: caseId, caseId, payload: { fact, factId } },
    });
    await recordRetentionUpgrades(tx, { ctx, agencyId: actor.agencyId, caseId, actor: ledgerActor, now, upgrades });
  });

  return { factId, upgrades };
};
