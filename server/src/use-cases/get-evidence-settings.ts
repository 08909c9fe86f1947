import {
  AV_UPLOAD_PRESET_IDS,
  AV_UPLOAD_PRESETS,
  DEFAULT_AV_UPLOAD_PRESET,
  DEFAULT_MAX_GAP_SECONDS,
  formatCitation,
  type AvUploadPreset,
} from '@liuhen/domain';
import { findEvidenceSettings } from '../db/repos/evidence-repo';
import type { UseCaseContext, UserActor } from './context';

// AV-4: a day-long threshold would make the continuity check meaningless.
export const MAX_GAP_LIMIT_SECONDS = 3600;

export const presetOf = (value: unknown): AvUploadPreset | null =>
  typeof value === 'string' && (AV_UPLOAD_PRESET_IDS as string[]).includes(value) ? (value as AvUploadPreset) : null;

/** AV-4, AV-6: the agency's upload deadline (one of the seeds' three) and gap threshold, with the choices. */
export const getEvidenceSettings = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  const row = await findEvidenceSettings(ctx.db, actor.agencyId);

  return {
    avUpload: presetOf(row?.avUpload) ?? DEFAULT_AV_UPLOAD_PRESET,
    maxGapSeconds: row?.maxGapSeconds ?? DEFAULT_MAX_GAP_SECONDS,
    updatedAt: row?.updatedAt ?? null,
    presets: AV_UPLOAD_PRESET_IDS.map((id) => ({
      id,
      name: AV_UPLOAD_PRESETS[id].name,
      citations: AV_UPLOAD_PRESETS[id].citations.map((c) => ({ ...c, text: formatCitation(c) })),
    })),
    maxGapLimitSeconds: MAX_GAP_LIMIT_SECONDS,
  };
};
