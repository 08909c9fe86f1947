// AV-7: trails the uploads being received and hashes their staged bytes with a hash whose state can be saved, so an
// upload interrupted by a restart resumes hashing from its last checkpoint instead of from zero. Plain JavaScript:
// worker threads do not go through the TypeScript loader.
import fs from 'node:fs/promises';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { createSHA256, createSM3 } from 'hash-wasm';

const CHUNK = 4 * 1024 * 1024;
// Checkpoints are posted at least this often, so the database holds a recent one without a write per chunk.
const CHECKPOINT_EVERY = 64 * 1024 * 1024;

// Checkpoints only matter after a restart; receiving comes first. On Linux the nice value is per thread, so this
// lowers only this worker, which then hashes with whatever CPU the uploads leave.
try {
  os.setPriority(19);
} catch {
  // Not permitted here: the worker runs at normal priority.
}

/** id → { path, sha256, sm3, bytes, target, lastPosted } */
const uploads = new Map();
let isRunning = false;

const encode = (state) => Buffer.from(state).toString('base64');
const decode = (text) => new Uint8Array(Buffer.from(text, 'base64'));

const checkpointOf = (upload) => ({
  bytes: upload.bytes,
  sha256: encode(upload.sha256.save()),
  sm3: upload.sm3 ? encode(upload.sm3.save()) : null,
});

const start = async ({ id, path, withSm3, checkpoint }) => {
  const sha256 = await createSHA256();
  const sm3 = withSm3 ? await createSM3() : null;
  if (checkpoint) {
    sha256.load(decode(checkpoint.sha256));
    if (sm3 && checkpoint.sm3) sm3.load(decode(checkpoint.sm3));
  } else {
    sha256.init();
    sm3?.init();
  }
  const bytes = checkpoint?.bytes ?? 0;
  uploads.set(id, { path, sha256, sm3, bytes, target: bytes, lastPosted: bytes });
};

const advanceOne = async (id, upload) => {
  const handle = await fs.open(upload.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    while (upload.bytes < upload.target && uploads.get(id) === upload) {
      const length = Math.min(CHUNK, upload.target - upload.bytes);
      const { bytesRead } = await handle.read(buffer, 0, length, upload.bytes);
      if (bytesRead === 0) break;
      const view = buffer.subarray(0, bytesRead);
      upload.sha256.update(view);
      upload.sm3?.update(view);
      upload.bytes += bytesRead;
      if (upload.bytes - upload.lastPosted >= CHECKPOINT_EVERY || upload.bytes === upload.target) {
        upload.lastPosted = upload.bytes;
        parentPort.postMessage({ type: 'checkpoint', id, checkpoint: checkpointOf(upload) });
      }
    }
  } finally {
    await handle.close();
  }
};

const run = async () => {
  if (isRunning) return;
  isRunning = true;
  try {
    for (;;) {
      const pending = [...uploads.entries()].filter(([, u]) => u.bytes < u.target);
      if (pending.length === 0) break;
      for (const [id, upload] of pending) {
        try {
          await advanceOne(id, upload);
        } catch (error) {
          // A staged file removed under us (finished, cancelled, expired): nothing left to checkpoint.
          uploads.delete(id);
          parentPort.postMessage({ type: 'dropped', id, reason: String(error) });
        }
      }
    }
  } finally {
    isRunning = false;
    // The sequence number says which messages this idle covers: an idle that predates an 'advance' settles nothing.
    parentPort.postMessage({ type: 'idle', seq: appliedSeq });
  }
};

// Messages are applied in order: an 'advance' must not overtake the 'start' still creating its hashers.
let applied = Promise.resolve();
let appliedSeq = 0;
parentPort.on('message', (message) => {
  applied = applied.then(async () => {
    appliedSeq = message.seq;
    if (message.type === 'start') await start(message);
    else if (message.type === 'advance') {
      const upload = uploads.get(message.id);
      if (upload) upload.target = Math.max(upload.target, message.toBytes);
    } else if (message.type === 'forget') uploads.delete(message.id);
    void run();
  });
});
