import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createSHA256, createSM3, type IHasher } from 'hash-wasm';

/** A saved hash state after `bytes` bytes of an upload (hash-wasm's serialised state, base64). */
export type HashCheckpoint = { bytes: number; sha256: string; sm3: string | null };
export type UploadDigest = { sha256: string; sm3: string | null };

/** The digest of one upload as its bytes arrive. */
export interface RunningHash {
  readonly bytes: number;
  update(chunk: Uint8Array): void;
  /** A copy to try a chunk on: a chunk refused by its checksum must leave the upload's hash untouched. */
  clone(): Promise<RunningHash>;
  /** A state to resume from after a restart, when this kind of hash can save one. */
  checkpoint(): HashCheckpoint | null;
  digest(): UploadDigest;
}

// Node's own SHA-256 runs at ~1.6 GB/s here, faster than the disk; its state cannot be saved, so a worker keeps
// resumable checkpoints beside it (see hash-checkpoint-worker.mjs).
const nativeHash = (withSm3: boolean, from?: { sha256: crypto.Hash; sm3: crypto.Hash | null; bytes: number }) => {
  const sha256 = from?.sha256 ?? crypto.createHash('sha256');
  const sm3 = from ? from.sm3 : withSm3 ? crypto.createHash('sm3') : null;
  let bytes = from?.bytes ?? 0;
  const hash: RunningHash = {
    get bytes() {
      return bytes;
    },
    update(chunk) {
      sha256.update(chunk);
      sm3?.update(chunk);
      bytes += chunk.length;
    },
    clone: async () => nativeHash(withSm3, { sha256: sha256.copy(), sm3: sm3?.copy() ?? null, bytes }),
    checkpoint: () => null,
    digest: () => ({ sha256: sha256.digest('hex'), sm3: sm3?.digest('hex') ?? null }),
  };

  return hash;
};

const encode = (state: Uint8Array) => Buffer.from(state).toString('base64');
const decode = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** hash-wasm (~0.4 GB/s): slower, but its state is saved after every request of an upload resumed after a restart. */
const wasmHash = async (withSm3: boolean, checkpoint: HashCheckpoint | null): Promise<RunningHash> => {
  const load = async (create: () => Promise<IHasher>, state: string | null | undefined) => {
    const hasher = await create();
    if (state) hasher.load(decode(state));
    else hasher.init();

    return hasher;
  };
  const sha256 = await load(createSHA256, checkpoint?.sha256);
  const sm3 = withSm3 ? await load(createSM3, checkpoint?.sm3) : null;
  let bytes = checkpoint?.bytes ?? 0;
  const save = (): HashCheckpoint => ({
    bytes,
    sha256: encode(sha256.save()),
    sm3: sm3 ? encode(sm3.save()) : null,
  });

  return {
    get bytes() {
      return bytes;
    },
    update(chunk) {
      sha256.update(chunk);
      sm3?.update(chunk);
      bytes += chunk.length;
    },
    clone: () => wasmHash(withSm3, save()),
    checkpoint: save,
    digest: () => ({ sha256: sha256.digest('hex'), sm3: sm3?.digest('hex') ?? null }),
  };
};

const READ_CHUNK = 4 * 1024 * 1024;
const WORKER_IDLE_MS = 30_000;

/** Hashes bytes from..to of a staged file into `hash` (recovery after a restart: only the bytes past the checkpoint). */
const hashFileRange = async (hash: RunningHash, path: string, to: number) => {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    while (hash.bytes < to) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(READ_CHUNK, to - hash.bytes), hash.bytes);
      if (bytesRead === 0) throw new Error(`staged file ${path} is shorter than ${to} bytes`);
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
};

type WorkerMessage =
  | { type: 'checkpoint'; id: string; checkpoint: HashCheckpoint }
  | { type: 'dropped'; id: string; reason: string }
  | { type: 'idle'; seq: number };

export type UploadHashes = {
  /**
   * The running hash of an upload about to receive bytes at `offset`. Within one process it is the one kept in
   * memory; after a restart it is rebuilt from the saved checkpoint plus the staged bytes after it, never from zero.
   */
  resume(options: {
    id: string;
    path: string;
    offset: number;
    checkpoint: HashCheckpoint | null;
  }): Promise<RunningHash>;
  /** After a request: keeps the hash for the next one and has a checkpoint saved (directly, or by the worker). */
  accept(options: { id: string; hash: RunningHash }): Promise<void>;
  forget(id: string): void;
  /** Resolves when the worker has no bytes left to checkpoint (tests and benchmarks). */
  settled(): Promise<void>;
  close(): Promise<void>;
};

export const createUploadHashes = (options: {
  withSm3: boolean;
  saveCheckpoint: (id: string, checkpoint: HashCheckpoint) => Promise<void>;
  onError: (error: unknown) => void;
}): UploadHashes => {
  const live = new Map<string, RunningHash>();
  const paths = new Map<string, string>();
  // The worker (its own V8 heap, ~10 MB) runs only while uploads are in progress, and stops a while after the last.
  let worker: Worker | null = null;
  let stopTimer: NodeJS.Timeout | null = null;
  let idleWaiters: (() => void)[] = [];
  // Messages are numbered; the worker's idle names the last one it had applied, so settling waits for all of them.
  let postedSeq = 0;
  let appliedSeq = 0;
  // One save at a time per upload, newest wins: a slow database must not reorder checkpoints.
  const saving = new Map<string, { running: Promise<void>; next: HashCheckpoint | null }>();
  const save = (id: string, checkpoint: HashCheckpoint) => {
    const current = saving.get(id);
    if (current) {
      current.next = checkpoint;
      return;
    }
    const entry: { running: Promise<void>; next: HashCheckpoint | null } = { running: Promise.resolve(), next: null };
    saving.set(id, entry);
    entry.running = (async () => {
      let next: HashCheckpoint | null = checkpoint;
      while (next) {
        const current = next;
        entry.next = null;
        try {
          await options.saveCheckpoint(id, current);
        } catch (error) {
          options.onError(error);
        }
        next = entry.next;
      }
      saving.delete(id);
    })();
  };
  const onMessage = (message: WorkerMessage) => {
    if (message.type === 'checkpoint') save(message.id, message.checkpoint);
    if (message.type === 'idle') {
      appliedSeq = Math.max(appliedSeq, message.seq);
      if (appliedSeq < postedSeq) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
      if (live.size === 0 && worker && !stopTimer) {
        stopTimer = setTimeout(() => {
          stopTimer = null;
          void worker?.terminate();
          worker = null;
        }, WORKER_IDLE_MS);
        stopTimer.unref();
      }
    }
  };
  const post = (message: Record<string, unknown>) => {
    if (stopTimer) clearTimeout(stopTimer);
    stopTimer = null;
    if (!worker) {
      worker = new Worker(new URL('./hash-checkpoint-worker.mjs', import.meta.url));
      worker.unref();
      worker.on('message', onMessage);
      worker.on('error', options.onError);
    }
    postedSeq += 1;
    worker.postMessage({ ...message, seq: postedSeq });
  };

  return {
    async resume({ id, path, offset, checkpoint }) {
      const kept = live.get(id);
      if (kept && kept.bytes === offset) return kept;
      paths.set(id, path);
      if (offset === 0) {
        const hash = nativeHash(options.withSm3);
        post({ type: 'start', id, path, withSm3: options.withSm3, checkpoint: null });
        live.set(id, hash);

        return hash;
      }
      // After a restart (or a lost in-memory hash): resume from the checkpoint, hash only what came after it.
      if (worker) post({ type: 'forget', id });
      const usable = checkpoint && checkpoint.bytes <= offset ? checkpoint : null;
      const hash = await wasmHash(options.withSm3, usable);
      await hashFileRange(hash, path, offset);
      live.set(id, hash);

      return hash;
    },
    async accept({ id, hash }) {
      live.set(id, hash);
      const checkpoint = hash.checkpoint();
      if (checkpoint) {
        save(id, checkpoint);
        await saving.get(id)?.running;
      } else {
        post({ type: 'advance', id, toBytes: hash.bytes });
      }
    },
    forget(id) {
      live.delete(id);
      paths.delete(id);
      if (worker) post({ type: 'forget', id });
    },
    async settled() {
      if (worker && appliedSeq < postedSeq) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await Promise.all([...saving.values()].map((s) => s.running));
    },
    async close() {
      await Promise.all([...saving.values()].map((s) => s.running));
      if (stopTimer) clearTimeout(stopTimer);
      await worker?.terminate();
      worker = null;
    },
  };
};
