import { AV_UPLOAD_PRESET_IDS, DomainError } from '@liuhen/domain';
import { upsertEvidenceSettings } from '../db/repos/evidence-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { getEvidenceSettings, MAX_GAP_LIMIT_SECONDS, presetOf } from './get-evidence-settings';

/** AV-4, AV-6: changes apply to items filed from now on; each change is a ledger entry. */
export const changeEvidenceSettings = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: { avUpload: unknown; maxGapSeconds: unknown };
}) => {
  authorize(actor, 'evidence.configure');
  const avUpload = presetOf(input.avUpload);
  if (!avUpload) throw new DomainError('VALIDATION_FAILED', { field: 'avUpload', allowed: AV_UPLOAD_PRESET_IDS });
  const maxGapSeconds = input.maxGapSeconds;
  if (
    typeof maxGapSeconds !== 'number' ||
    !Number.isInteger(maxGapSeconds) ||
    maxGapSeconds < 0 ||
    maxGapSeconds > MAX_GAP_LIMIT_SECONDS
  )
    throw new DomainError('VALIDATION_FAILED', { field: 'maxGapSeconds', min: 0, max: MAX_GAP_LIMIT_SECONDS });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertEvidenceSettings(tx, {
      agencyId: actor.agencyId,
      avUpload,
      maxGapSeconds,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'agency.evidence_settings_changed',
        subjectId: actor.agencyId,
        caseId: null,
        payload: { avUpload, maxGapSeconds },
      },
    });
  });

  return getEvidenceSettings({ ctx, actor });
};
