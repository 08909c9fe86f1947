import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// makeClip (media.ts) writes MPEG-4 Part 2 video, which no browser decodes; a browser test that plays a clip needs
// H.264, as body cameras record it. Made on the spot with Debian's ffmpeg (libx264), so no media is committed.

let checked: string | null | undefined;

/** Null when ffmpeg here can encode H.264; otherwise why playback is not tested. */
export const h264MissingReason = (): string | null => {
  if (checked === undefined) {
    const result = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' });
    checked =
      result.error || result.status !== 0
        ? `ffmpeg does not run (${result.error?.message ?? `exit ${result.status}`})`
        : /\blibx264\b/.test(result.stdout)
          ? null
          : 'ffmpeg has no libx264 encoder';
  }

  return checked;
};

/** An H.264 + AAC MP4 of `seconds` whose mvhd creation_time is `creationTime`, moov first; returns its path. */
export const makePlayableClip = ({
  dir,
  seconds,
  creationTime,
  name,
}: {
  dir: string;
  seconds: number;
  creationTime: string;
  name: string;
}): string => {
  const path = join(dir, `${name}.mp4`);
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=320x240:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    '-metadata',
    `creation_time=${creationTime}`,
    '-movflags',
    '+faststart',
    path,
  ];
  const result = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(`ffmpeg ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);

  return path;
};
