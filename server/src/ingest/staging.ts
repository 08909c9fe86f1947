import type crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@liuhen/domain';
import type { RunningHash } from './upload-hash';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Writes go out in batches of about this many bytes.
const BLOCK = 4 * 1024 * 1024;

/** writev may write less than asked (a signal, a full pipe); the rest follows until all is on disk. */
const writeAll = async (handle: fs.FileHandle, buffers: Buffer[], at: number): Promise<void> => {
  let pending = buffers;
  let position = at;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, position);
    position += bytesWritten;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const buffer of pending) {
      if (skip >= buffer.length) skip -= buffer.length;
      else {
        rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
        skip = 0;
      }
    }
    pending = rest;
  }
};
/** How much of a file's start is enough to tell its type by magic bytes. */
export const HEAD_BYTES = 4096;

/** The staged file of an upload; the id is a UUID we issued, checked so it can never name another path. */
export const stagedPath = (dir: string, id: string): string => {
  if (!UUID.test(id)) throw new DomainError('UPLOAD_NOT_FOUND', { id });

  return path.join(dir, id);
};

export const createStagedFile = async (dir: string, id: string): Promise<void> => {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.writeFile(stagedPath(dir, id), '', { flag: 'wx', mode: 0o600 });
};

export const removeStagedFile = async (dir: string, id: string): Promise<void> => {
  await fs.rm(stagedPath(dir, id), { force: true });
};

export const readHead = async (file: string, length = HEAD_BYTES): Promise<Uint8Array> => {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);

    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

export type ReceiveResult = {
  /** Bytes now safely in the file after `offset`. */
  received: number;
  /** The client went away mid-request; what arrived is kept (tus: the offset moves on). */
  isAborted: boolean;
};

/**
 * AV-7: appends a request body to a staged file at `offset`, feeding `hash` (a clone the caller commits only on
 * success) and, when the client sent a chunk checksum, `chunkHash`. Memory stays at two blocks whatever the size.
 * On a write error the file is cut back to `offset`, so the file and the committed hash never disagree.
 */
export const receiveInto = async ({
  file,
  offset,
  source,
  hash,
  chunkHash,
  maxBytes,
}: {
  file: string;
  offset: number;
  source: AsyncIterable<Uint8Array>;
  hash: RunningHash;
  chunkHash: crypto.Hash | null;
  /** The most this request may add (declared length − offset). */
  maxBytes: number;
}): Promise<ReceiveResult> => {
  const handle = await fs.open(file, 'r+');
  // Pieces are gathered and written with one writev, not copied: each request chunk is a fresh buffer.
  let pieces: Buffer[] = [];
  let gathered = 0;
  let position = offset;
  let inFlight: Promise<unknown> = Promise.resolve();
  let writeError: unknown = null;
  let isAborted = false;
  let tooLarge = false;

  const flush = async () => {
    if (gathered === 0) return;
    const batch = pieces;
    const at = position;
    position += gathered;
    pieces = [];
    gathered = 0;
    // One write in flight at most: the next batch gathers while this one is written.
    await inFlight;
    inFlight = writeAll(handle, batch, at).catch((error: unknown) => {
      writeError = error;
    });
  };

  try {
    try {
      for await (const piece of source) {
        const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
        if (position - offset + gathered + chunk.length > maxBytes) {
          tooLarge = true;
          break;
        }
        hash.update(chunk);
        chunkHash?.update(chunk);
        pieces.push(chunk);
        gathered += chunk.length;
        if (gathered >= BLOCK) await flush();
        if (writeError) throw writeError;
      }
    } catch {
      if (writeError) throw writeError;
      // The connection dropped: keep what arrived, as tus asks.
      isAborted = true;
    }
    await flush();
    await inFlight;
    if (writeError) throw writeError;
    if (tooLarge) throw new DomainError('UPLOAD_TOO_LARGE', { maxBytes });
    // The offset the server reports must be bytes that survive a crash: a resumed upload builds on them.
    await handle.datasync();

    return { received: position - offset, isAborted };
  } catch (error) {
    await inFlight;
    await handle.truncate(offset);
    throw error;
  } finally {
    await handle.close();
  }
};
