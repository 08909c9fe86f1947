import { open, type FileHandle } from 'node:fs/promises';
import { createFile, Log, MP4BoxBuffer } from 'mp4box';

// AV-4: the start and length a video or audio file states about itself (the mvhd box of MP4, MOV, 3GP and M4A),
// which the continuity check lays on a timeline. The file is streamed through mp4box in chunks and mp4box says where
// to read next, so the media data (mdat) is skipped: a file whose moov box sits at its end costs two reads, whatever
// its size, and no file is ever held whole in memory.

export type VideoTiming = {
  /** mvhd creation_time: the start of the recording as the device's clock had it; null when unset (0) or absent. */
  creationTime: Date | null;
  /** mvhd duration over its timescale, in whole milliseconds; null when the file states none. */
  durationMs: number | null;
  /** Whether the file states both its start and its duration, so it can be placed on the activity's timeline. */
  hasTiming: boolean;
  /** The ISO container by its ftyp brand (video/mp4, video/quicktime, audio/mp4, video/3gpp, video/3gpp2), or
   *  application/octet-stream for anything else; the item's own media type comes from detectFileType. */
  container: string;
};

export type VideoTimingInspection = {
  timing: VideoTiming;
  /** How the file was read, for benchmarks and tests. */
  reads: number;
  bytesRead: number;
  /** Why mp4box gave up, if it did (a truncated recording without its moov box, damaged data). */
  problem: string | null;
};

/** The size of each read after the first. */
export const MP4_CHUNK_BYTES = 1024 * 1024;
/** The first read only needs the ftyp box and the header of the next box (often mdat, to be skipped). */
export const MP4_FIRST_READ_BYTES = 64 * 1024;
/** A moov box is a few megabytes at most for hours of video; a file that needs more reads than this is refused. */
const MAX_READS = 256;

// mp4box 2.4.1 refuses box types that are not four printable ASCII characters and prints an error to the console for
// each, though it goes on with the movie: QuickTime keeps its metadata in '©xyz' atoms (udta: ©swr, ©xyz, ©mak…) and
// ends the 'wave' extension of its sound descriptions with a terminator atom of type 0. Every MOV from ffmpeg or a
// phone would put such lines, which are not JSON, into the server's log. Those messages alone are dropped; a file
// that cannot be parsed is still reported through onError.
const logError = Log.error.bind(Log);
Log.error = (module: string, message: string, isofile?: unknown) => {
  if (module === 'BoxParser' && message.startsWith('Invalid box type:')) return;
  logError(module, message, isofile as Parameters<typeof logError>[2]);
};

const SECONDS_1904_TO_1970 = 2_082_844_800;
/** The "unknown duration" of version-0 and version-1 mvhd boxes. */
const UNKNOWN_DURATIONS = new Set([0xffffffff, Number.MAX_SAFE_INTEGER]);

const NO_CONTAINER = 'application/octet-stream';

// Boxes an ISO base media file (or a QuickTime movie from before ftyp existed) may start with.
const FIRST_BOX_TYPES = new Set(['ftyp', 'styp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid', 'pdin']);

const fourcc = (bytes: Uint8Array, offset: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

/** The container media type from the first box, or null when the bytes are no ISO base media file. */
const isoContainer = (head: Uint8Array): string | null => {
  if (head.length < 8 || !FIRST_BOX_TYPES.has(fourcc(head, 4))) return null;
  const size = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  if (size !== 0 && size !== 1 && size < 8) return null;
  if (fourcc(head, 4) !== 'ftyp') return 'video/quicktime';
  const brand = fourcc(head, 8);
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ' || brand === 'M4P ') return 'audio/mp4';
  if (brand.startsWith('3g2')) return 'video/3gpp2';
  if (brand.startsWith('3gp')) return 'video/3gpp';

  return 'video/mp4';
};

const noTiming = (container: string): VideoTiming => ({
  creationTime: null,
  durationMs: null,
  hasTiming: false,
  container,
});

const readAt = async (handle: FileHandle, position: number, length: number): Promise<MP4BoxBuffer> => {
  const buffer = new MP4BoxBuffer(length);
  const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, length, position);
  const chunk = bytesRead === length ? buffer : MP4BoxBuffer.fromArrayBuffer(buffer.slice(0, bytesRead), position);
  chunk.fileStart = position;

  return chunk;
};

const creationTimeOf = (seconds: number): Date | null => {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date((seconds - SECONDS_1904_TO_1970) * 1000);

  return Number.isNaN(date.getTime()) ? null : date;
};

const durationMsOf = (duration: number, timescale: number): number | null =>
  timescale > 0 && duration > 0 && !UNKNOWN_DURATIONS.has(duration) ? Math.round((duration * 1000) / timescale) : null;

/**
 * AV-4: the timing of an MP4/MOV/3GP/M4A file and how much of it had to be read. Anything else (AVI, a JPEG, a
 * recording cut off before its moov box was written) gives `hasTiming: false` and never throws for its content.
 */
export const inspectVideoTiming = async ({
  path,
  chunkBytes = MP4_CHUNK_BYTES,
  firstReadBytes = MP4_FIRST_READ_BYTES,
}: {
  path: string;
  chunkBytes?: number;
  firstReadBytes?: number;
}): Promise<VideoTimingInspection> => {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let reads = 0;
    let bytesRead = 0;
    const read = async (position: number, length: number) => {
      const chunk = await readAt(handle, position, Math.min(length, size - position));
      reads += 1;
      bytesRead += chunk.byteLength;

      return chunk;
    };

    const first = size > 0 ? await read(0, firstReadBytes) : null;
    const container = first ? isoContainer(new Uint8Array(first)) : null;
    if (!first || !container)
      return { timing: noTiming(NO_CONTAINER), reads, bytesRead, problem: size > 0 ? 'not an ISO media file' : null };

    const file = createFile(); // media data is discarded, never kept
    let problem: string | null = null;
    file.onError = (module, message) => {
      problem ??= `${module}: ${message}`;
    };

    let chunk = first;
    let position = 0;
    for (;;) {
      const end = position + chunk.byteLength;
      let next: number | undefined;
      try {
        next = file.appendBuffer(chunk, end >= size);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
        break;
      }
      if (file.moov || problem) break;
      // mp4box answers where the data it needs next begins: past an mdat box, or the end of what it holds.
      position = next !== undefined && next > position ? next : end;
      if (position >= size) break;
      if (reads >= MAX_READS) {
        problem = `no moov box within ${MAX_READS} reads`;
        break;
      }
      chunk = await read(position, chunkBytes);
    }

    const mvhd = file.moov?.mvhd;
    if (!mvhd) return { timing: noTiming(container), reads, bytesRead, problem: problem ?? 'no moov box' };
    const fragmentDuration = file.moov?.mvex?.mehd?.fragment_duration;
    const creationTime = creationTimeOf(mvhd.creation_time);
    const durationMs =
      durationMsOf(mvhd.duration, mvhd.timescale) ?? durationMsOf(fragmentDuration ?? 0, mvhd.timescale);

    return {
      timing: { creationTime, durationMs, hasTiming: creationTime !== null && durationMs !== null, container },
      reads,
      bytesRead,
      problem,
    };
  } finally {
    await handle.close();
  }
};

/** AV-4: the start and duration an MP4/MOV/3GP/M4A file states; `hasTiming: false` for other files. */
export const readVideoTiming = async (path: string): Promise<VideoTiming> =>
  (await inspectVideoTiming({ path })).timing;
