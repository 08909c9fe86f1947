import type { Executor } from '../db/client';
import { saveHashCheckpoint } from '../db/repos/evidence-repo';
import type { Clock } from '../clock';
import type { BlobStore } from '../storage/blob-store';
import { createUploadHashes, type UploadHashes } from './upload-hash';

/** What the evidence use-cases need besides the database: the store, the staging folder and the running hashes. */
export type EvidenceServices = {
  store: BlobStore;
  /** Where uploads are staged until finished (`$LIUHEN_DATA/uploads`). */
  stagingDir: string;
  hashes: UploadHashes;
  maxUploadBytes: number;
  uploadExpiryHours: number;
  /** National-crypto deployments also record SM3 digests (GB/T 32905). */
  withSm3: boolean;
  close(): Promise<void>;
};

export const createEvidenceServices = (options: {
  db: Executor;
  clock: Clock;
  store: BlobStore;
  stagingDir: string;
  maxUploadBytes: number;
  uploadExpiryHours: number;
  withSm3: boolean;
  onError: (error: unknown) => void;
}): EvidenceServices => {
  const hashes = createUploadHashes({
    withSm3: options.withSm3,
    saveCheckpoint: (id, checkpoint) =>
      saveHashCheckpoint(options.db, id, { bytes: checkpoint.bytes, state: checkpoint }, options.clock.now()),
    onError: options.onError,
  });

  return {
    store: options.store,
    stagingDir: options.stagingDir,
    hashes,
    maxUploadBytes: options.maxUploadBytes,
    uploadExpiryHours: options.uploadExpiryHours,
    withSm3: options.withSm3,
    close: async () => {
      await hashes.close();
      await options.store.close();
    },
  };
};
