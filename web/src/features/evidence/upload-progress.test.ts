import { describe, expect, it } from 'vitest';
import { addSample, etaSeconds, percentOf, progressText, speedOf, type ProgressSample } from './upload-progress';

const MB = 1024 * 1024;

describe('upload progress and speed (AV-7)', () => {
  it('measures the speed over the last seconds, keeping one reading before the window', () => {
    let samples: ProgressSample[] = [];
    for (let second = 0; second <= 10; second++)
      samples = addSample(samples, { at: second * 1000, bytes: second * 2 * MB });
    expect(samples[0]).toEqual({ at: 4000, bytes: 8 * MB });
    expect(samples.at(-1)).toEqual({ at: 10_000, bytes: 20 * MB });
    expect(speedOf(samples)).toBe(2 * MB);
  });

  it('follows a change of speed within the window', () => {
    let samples: ProgressSample[] = [];
    for (let second = 0; second <= 20; second++) {
      samples = addSample(samples, { at: second * 1000, bytes: (second <= 10 ? second * 4 : 40 + (second - 10)) * MB });
    }
    expect(speedOf(samples)).toBeCloseTo(MB, 5);
  });

  it('tells no speed until a measurable interval has passed', () => {
    expect(speedOf([])).toBeNull();
    expect(speedOf([{ at: 0, bytes: 0 }])).toBeNull();
    expect(
      speedOf([
        { at: 0, bytes: 0 },
        { at: 100, bytes: MB },
      ]),
    ).toBeNull();
  });

  it('estimates the time left, and the percentage to a tenth', () => {
    expect(etaSeconds(10 * MB, 40 * MB, 2 * MB)).toBe(15);
    expect(etaSeconds(10 * MB, 40 * MB, null)).toBeNull();
    expect(etaSeconds(10 * MB, 40 * MB, 0)).toBeNull();
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(7, 5)).toBe(100);
  });

  it('reads as bytes sent, speed and time left', () => {
    expect(progressText({ sent: 10 * MB, total: 40 * MB, speed: 2 * MB })).toBe(
      '10.0 MB / 40.0 MB · 2.00 MB/s · 剩余约 15 秒',
    );
    expect(progressText({ sent: 10 * MB, total: 40 * MB, speed: null })).toBe('10.0 MB / 40.0 MB');
    expect(progressText({ sent: 40 * MB, total: 40 * MB, speed: 2 * MB })).toBe('40.0 MB / 40.0 MB · 2.00 MB/s');
  });
});
