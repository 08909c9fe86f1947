import { Readable } from 'node:stream';
import type { EvidenceServices } from '../../server/src/ingest/evidence-services';
import type { UseCaseContext, UserActor } from '../../server/src/use-cases/context';
import { receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { startEvidenceUpload } from '../../server/src/use-cases/start-evidence-upload';

/** A small JPEG-headed file; `seed` makes each one different content. */
export const jpegBytes = (seed: number, size = 3000): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, seed % 251)]);

/** Files a scan or photo (a return receipt, an announcement, a signed page) through the real upload path. */
export const fileScan = async (options: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  caseId: string;
  seed: number;
  kind?: 'scan' | 'photo';
  recordId?: string | null;
  note?: string;
}): Promise<string> => {
  const bytes = jpegBytes(options.seed);
  const upload = await startEvidenceUpload({
    ctx: options.ctx,
    evidence: options.evidence,
    actor: options.actor,
    caseId: options.caseId,
    input: {
      kind: options.kind ?? 'scan',
      filename: `scan-${options.seed}.jpg`,
      size: bytes.length,
      recordId: options.recordId ?? null,
      recordedStartedAt: '2026-11-20T09:00:00+08:00',
      officerIds: [options.actor.userId],
      providedBy: 'agency',
      ...(options.note ? { note: options.note } : {}),
    },
  });
  const { evidenceId } = await receiveUploadChunk({
    ctx: options.ctx,
    evidence: options.evidence,
    actor: options.actor,
    uploadId: upload.id,
    offset: 0,
    checksum: null,
    contentLength: bytes.length,
    body: Readable.from([bytes]),
  });

  return evidenceId!;
};
