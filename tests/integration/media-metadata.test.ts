import { mkdtemp, open, rm, truncate, writeFile, copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkContinuity,
  detectFileType,
  FILE_TYPE_HEAD_BYTES,
  unexplainedGaps,
  type ClipTiming,
} from '@liuhen/domain';
import { inspectVideoTiming, readVideoTiming } from '../../server/src/media/mp4-metadata';
import { ffmpegMissingReason, makeClip, makeClips } from '../support/media';

const missing = ffmpegMissingReason();
if (missing) console.warn(`media-metadata tests skipped: ${missing}`);

const START = '2026-03-15T01:30:00.000Z'; // 09:30 in China

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'liuhen-media-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const headOf = async (path: string): Promise<Uint8Array> => {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(FILE_TYPE_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);

    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

describe.skipIf(missing !== null)('MP4/MOV/M4A timing from the file itself (AV-4)', () => {
  it.each([
    ['mp4', false, 'video/mp4'],
    ['mp4', true, 'video/mp4'],
    ['mov', false, 'video/quicktime'],
    ['mov', true, 'video/quicktime'],
    ['m4a', false, 'audio/mp4'],
    ['m4a', true, 'audio/mp4'],
  ] as const)('reads creation time and duration back from %s (faststart %s)', async (format, isFastStart, type) => {
    const path = makeClip({ dir, seconds: 3, creationTime: START, format, isFastStart });

    const timing = await readVideoTiming(path);

    expect(timing).toEqual({
      creationTime: new Date(START),
      durationMs: expect.any(Number),
      hasTiming: true,
      container: type,
    });
    expect(timing.durationMs).toBeGreaterThanOrEqual(3000);
    expect(timing.durationMs).toBeLessThan(3100);
    // AV-1: the magic bytes say the same.
    expect(detectFileType(await headOf(path)).mediaType).toBe(type);
  });

  it('gives a null creation time, and no timing, for a file made without one (mvhd creation_time 0)', async () => {
    const path = makeClip({ dir, seconds: 2, format: 'mp4' });

    const timing = await readVideoTiming(path);

    expect(timing).toMatchObject({ creationTime: null, hasTiming: false, container: 'video/mp4' });
    expect(timing.durationMs).toBeGreaterThanOrEqual(2000);
  });

  it('reads only the head and the moov box of a file whose moov is at its end (AV-7: never the whole file)', async () => {
    const path = makeClip({ dir, seconds: 10, creationTime: START, format: 'mp4', sizeMb: 24 });
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(20 * 1024 * 1024);

    const result = await inspectVideoTiming({ path });

    expect(result.timing).toMatchObject({ creationTime: new Date(START), hasTiming: true });
    expect(result.reads).toBe(2);
    expect(result.bytesRead).toBeLessThan(256 * 1024);
  });

  it('reads a faststart file in one read', async () => {
    const path = makeClip({ dir, seconds: 10, creationTime: START, format: 'mp4', sizeMb: 8, isFastStart: true });

    const result = await inspectVideoTiming({ path });

    expect(result.timing.hasTiming).toBe(true);
    expect(result.reads).toBe(1);
  });

  it('follows mp4box across many small reads when the moov box spans them', async () => {
    const path = makeClip({ dir, seconds: 4, creationTime: START, format: 'mov' });

    const result = await inspectVideoTiming({ path, chunkBytes: 512, firstReadBytes: 64 });

    expect(result.timing).toMatchObject({ creationTime: new Date(START), hasTiming: true });
    expect(result.reads).toBeGreaterThan(3);
  });

  it('answers hasTiming false without throwing for a JPEG, garbage, an empty file and a cut-off recording', async () => {
    const jpeg = join(dir, 'frame.jpg');
    const made = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=64x64',
      '-frames:v',
      '1',
      jpeg,
    ]);
    expect(made.status).toBe(0);
    const garbage = join(dir, 'garbage.bin');
    await writeFile(garbage, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)));
    const empty = join(dir, 'empty.mp4');
    await writeFile(empty, new Uint8Array());
    // A camera that lost power before writing its moov box leaves the media data alone.
    const cut = join(dir, 'cut.mp4');
    await copyFile(makeClip({ dir, seconds: 3, creationTime: START, format: 'mp4', sizeMb: 2 }), cut);
    await truncate(cut, 1024 * 1024);

    for (const path of [jpeg, garbage, empty, cut]) {
      const timing = await readVideoTiming(path);
      expect(timing, path).toMatchObject({ creationTime: null, durationMs: null, hasTiming: false });
    }
    expect((await readVideoTiming(jpeg)).container).toBe('application/octet-stream');
    expect((await readVideoTiming(cut)).container).toBe('video/mp4');
    expect(detectFileType(await headOf(jpeg)).mediaType).toBe('image/jpeg');
  });
});

describe.skipIf(missing !== null)('continuity of generated clips (AV-4)', () => {
  it('finds exactly the gaps the clips were made with, whatever order they come in', async () => {
    const made = makeClips({
      dir,
      startedAt: START,
      clips: [
        { seconds: 3 },
        { seconds: 3, gapBeforeSeconds: 0 },
        { seconds: 2, gapBeforeSeconds: 90 },
        { seconds: 3, gapBeforeSeconds: 30, isFastStart: true },
        { seconds: 2, gapBeforeSeconds: 300 },
      ],
    });
    const clips: ClipTiming[] = [];
    for (const [index, clip] of made.entries()) {
      const timing = await readVideoTiming(clip.path);
      clips.push({
        id: `clip-${index + 1}`,
        startedAt: timing.creationTime?.toISOString() ?? null,
        durationMs: timing.durationMs,
      });
    }
    clips.reverse();

    const findings = checkContinuity({
      clips,
      now: '2026-03-16T00:00:00Z',
      maxGapSeconds: 60,
      interruptions: [{ afterClipId: 'clip-4', reasonId: 'low_battery', text: '更换电池' }],
    });

    expect(findings.map((f) => f.code)).toEqual(['gap', 'gap']);
    const [first, second] = findings.map((f) => (f.code === 'gap' ? f : null));
    expect(first).toMatchObject({ clipIds: ['clip-2', 'clip-3'], status: 'unexplained' });
    expect(first?.seconds).toBeCloseTo(90, 0);
    expect(second).toMatchObject({ clipIds: ['clip-4', 'clip-5'], status: 'explained' });
    expect(second?.seconds).toBeCloseTo(300, 0);
    expect(unexplainedGaps(findings).map((g) => g.clipIds)).toEqual([['clip-2', 'clip-3']]);
  });
});
