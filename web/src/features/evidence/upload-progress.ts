import { formatDuration } from '../devices/device-view';
import { formatBytes } from './evidence-view';

/** Bytes the server has been sent so far, at a moment (ms). */
export type ProgressSample = { at: number; bytes: number };

/** The speed shown is over the last few seconds: steady enough to read, quick to follow a change of network. */
export const SPEED_WINDOW_MS = 5000;

/** Adds a reading and drops those older than the window, always keeping one before it to measure from. */
export const addSample = (
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  windowMs = SPEED_WINDOW_MS,
): ProgressSample[] => {
  const all = [...samples, sample];
  const firstInWindow = all.findIndex((s) => s.at >= sample.at - windowMs);

  return all.slice(Math.max(0, firstInWindow - 1));
};

/** Bytes per second over the samples; null until there is a measurable interval. */
export const speedOf = (samples: readonly ProgressSample[]): number | null => {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < 250) return null;

  return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
};

/** Seconds left at this speed; null when it cannot be told. */
export const etaSeconds = (sent: number, total: number, speed: number | null): number | null =>
  speed === null || speed <= 0 ? null : Math.max(0, (total - sent) / speed);

export const percentOf = (sent: number, total: number): number =>
  total <= 0 ? 0 : Math.min(100, Math.floor((sent / total) * 1000) / 10);

export const formatSpeed = (bytesPerSecond: number): string => `${formatBytes(bytesPerSecond)}/s`;

/** 12.5 MB / 40.0 MB · 4.20 MB/s · 剩余约 7 秒 */
export const progressText = ({ sent, total, speed }: { sent: number; total: number; speed: number | null }): string => {
  const parts = [`${formatBytes(sent)} / ${formatBytes(total)}`];
  if (speed !== null) parts.push(formatSpeed(speed));
  const eta = etaSeconds(sent, total, speed);
  if (eta !== null && sent < total) parts.push(`剩余约 ${formatDuration(Math.max(1, eta))}`);

  return parts.join(' · ');
};
