import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Test clips made on the spot with Debian's ffmpeg (a test pattern and a tone), so no media is committed. A clip
// states its start in the mvhd creation_time as a body camera does; sizeMb pads the video stream to a constant bit
// rate, which makes a file of that size in a fraction of a second.

export type ClipFormat = 'mp4' | 'mov' | 'm4a';

let ffmpegChecked: string | null | undefined;

/** Null when ffmpeg runs here; otherwise why the media tests are skipped. */
export const ffmpegMissingReason = (): string | null => {
  if (ffmpegChecked === undefined) {
    const result = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' });
    ffmpegChecked =
      result.error || result.status !== 0
        ? `ffmpeg is not installed or does not run (${result.error?.message ?? `exit ${result.status}`}); ` +
          'install it with `apt-get install -y ffmpeg`'
        : null;
  }

  return ffmpegChecked;
};

const runFfmpeg = (args: string[]): void => {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(`ffmpeg ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
};

let sequence = 0;

/**
 * One clip of `seconds` (whole seconds suit creation_time, which has no fraction) in `dir`; returns its path.
 * Without `creationTime` ffmpeg writes 0 there (unset). `isFastStart` puts the moov box first, as a streaming
 * upload would want; otherwise it comes after the media data, as a camera writes it.
 */
export const makeClip = ({
  dir,
  seconds,
  creationTime,
  format,
  isFastStart = false,
  sizeMb,
  name,
}: {
  dir: string;
  seconds: number;
  creationTime?: string;
  format: ClipFormat;
  isFastStart?: boolean;
  sizeMb?: number;
  name?: string;
}): string => {
  sequence += 1;
  const path = join(dir, `${name ?? `clip-${sequence}`}.${format}`);
  const tone = ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`];
  const video = ['-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`];
  const bitrate = sizeMb === undefined ? null : Math.ceil((sizeMb * 8 * 1024 * 1024) / seconds);
  const videoCodec = [
    '-c:v',
    'mpeg4',
    ...(bitrate === null
      ? ['-q:v', '5']
      : ['-b:v', `${bitrate}`, '-minrate', `${bitrate}`, '-maxrate', `${bitrate}`, '-bufsize', `${bitrate}`]),
  ];
  const inputs = format === 'm4a' ? [...tone, '-vn'] : [...video, ...tone];
  const codecs = format === 'm4a' ? ['-c:a', 'aac'] : [...videoCodec, '-c:a', 'aac', '-shortest'];

  runFfmpeg([
    ...inputs,
    ...codecs,
    ...(creationTime ? ['-metadata', `creation_time=${creationTime}`] : []),
    ...(isFastStart ? ['-movflags', '+faststart'] : []),
    path,
  ]);

  return path;
};

export type MadeClip = { path: string; startedAt: string; seconds: number };

/**
 * Clips one after another from `startedAt`, each `gapBeforeSeconds` (default 0) after the end of the one before:
 * a body camera's recording split into files, with the pauses the test wants found.
 */
export const makeClips = ({
  dir,
  startedAt,
  format = 'mp4',
  clips,
}: {
  dir: string;
  startedAt: string;
  format?: ClipFormat;
  clips: { seconds: number; gapBeforeSeconds?: number; isFastStart?: boolean }[];
}): MadeClip[] => {
  let at = Date.parse(startedAt);

  return clips.map((clip) => {
    at += (clip.gapBeforeSeconds ?? 0) * 1000;
    const start = new Date(at).toISOString();
    const path = makeClip({ dir, seconds: clip.seconds, creationTime: start, format, isFastStart: clip.isFastStart });
    at += clip.seconds * 1000;

    return { path, startedAt: start, seconds: clip.seconds };
  });
};
