import fs from 'node:fs/promises';
import { findUpload, listExpiredUploads } from '../db/repos/evidence-repo';
import { listUploadStatuses } from '../db/repos/evidence-audit-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { removeStagedFile, stagedPath } from '../ingest/staging';
import type { UseCaseContext } from './context';
import { expireUpload, withUploadLock } from './receive-upload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Uploads in these states keep nothing staged; a file left by an interrupted clean-up goes.
const DONE = new Set(['expired', 'cancelled', 'refused', 'finished']);
// A staged file with no upload row is the rest of a start that failed before its row was written.
const ORPHAN_AGE_MS = 24 * 3_600_000;

export type ExpiredUploads = { expired: string[]; swept: number };

/** Staged files whose upload is over (or never got a row): what a crash between commit and removal left behind. */
const sweepStagingDir = async (ctx: UseCaseContext, dir: string, now: Date): Promise<number> => {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => UUID.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let swept = 0;
  for (let i = 0; i < names.length; i += 500) {
    const batch = names.slice(i, i + 500);
    const statuses = new Map((await listUploadStatuses(ctx.db, batch)).map((u) => [u.id, u.status]));
    for (const id of batch) {
      const status = statuses.get(id);
      if (status === undefined) {
        const stats = await fs.stat(stagedPath(dir, id)).catch(() => null);
        if (!stats || now.getTime() - stats.mtime.getTime() < ORPHAN_AGE_MS) continue;
      } else if (!DONE.has(status)) continue;
      await removeStagedFile(dir, id);
      swept += 1;
    }
  }

  return swept;
};

/**
 * AV-7: every unfinished upload past its time is marked expired with its `upload.expired` ledger entry, and its staged
 * bytes are removed; it never becomes evidence, and a later HEAD or PATCH answers UPLOAD_GONE. Each upload is taken
 * under the same lock as its requests, and re-read there: a chunk that arrived meanwhile has moved its expiry on.
 */
export const expireUploads = async ({
  ctx,
  evidence,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
}): Promise<ExpiredUploads> => {
  const now = ctx.clock.now();
  const expired: string[] = [];
  for (const due of await listExpiredUploads(ctx.db, now)) {
    const isExpired = await withUploadLock(due.id, async () => {
      const upload = await findUpload(ctx.db, due.id);
      if (!upload || upload.status !== 'receiving' || upload.expiresAt.getTime() >= now.getTime()) return false;

      return expireUpload(ctx, evidence, upload);
    });
    if (isExpired) expired.push(due.id);
  }

  return { expired, swept: await sweepStagingDir(ctx, evidence.stagingDir, now) };
};
