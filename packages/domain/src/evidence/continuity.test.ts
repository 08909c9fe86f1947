import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { formatCitation } from '../procedures/citation';
import {
  checkContinuity,
  CONTINUITY_FINDING_CODES,
  CONTINUITY_FINDINGS,
  DEFAULT_MAX_GAP_SECONDS,
  isInterruptionStatementComplete,
  unexplainedGaps,
  type ClipTiming,
  type ContinuityFinding,
  type GapFinding,
  type InterruptionStatement,
} from './continuity';

// Times are China time (+08:00) on 2026-03-15 unless written in full.
const T0 = Date.parse('2026-03-15T09:00:00+08:00');
const at = (minutes: number, seconds = 0): string => new Date(T0 + (minutes * 60 + seconds) * 1000).toISOString();
const NOW = '2026-03-16T12:00:00+08:00';

/** A clip starting at minute `start` (plus `startSeconds`) lasting `lengthSeconds`. */
const clip = (id: string, start: number, lengthSeconds: number, extra: Partial<ClipTiming> = {}): ClipTiming => ({
  id,
  startedAt: at(start),
  durationMs: lengthSeconds * 1000,
  uploadedAt: '2026-03-15T18:00:00+08:00',
  ...extra,
});

const check = (clips: ClipTiming[], options: Partial<Parameters<typeof checkContinuity>[0]> = {}) =>
  checkContinuity({ clips, now: NOW, ...options });

const codes = (findings: readonly ContinuityFinding[]) => findings.map((f) => f.code);
const gaps = (findings: readonly ContinuityFinding[]) => findings.filter((f): f is GapFinding => f.code === 'gap');
const only = <C extends ContinuityFinding['code']>(findings: readonly ContinuityFinding[], code: C) =>
  findings.filter((f): f is Extract<ContinuityFinding, { code: C }> => f.code === code);

const refusal = (run: () => unknown): { code: string; details: unknown } => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('continuity: gaps between clips (AV-4, S2 §16, S1 §20-21)', () => {
  it('finds nothing in clips that follow each other without a pause', () => {
    expect(check([clip('a', 0, 600), clip('b', 10, 600), clip('c', 20, 300)])).toEqual([]);
  });

  it('finds nothing in a single clip', () => {
    expect(check([clip('a', 0, 600)])).toEqual([]);
    expect(check([])).toEqual([]);
  });

  it('reports a gap with its start, end, length, the two clips and its citations', () => {
    const findings = check([clip('a', 0, 600), clip('b', 15, 300)]);
    expect(findings).toEqual([
      {
        code: 'gap',
        severity: 'blocking',
        status: 'unexplained',
        clipIds: ['a', 'b'],
        startedAt: at(10),
        endedAt: at(15),
        seconds: 300,
        interruption: null,
        citations: CONTINUITY_FINDINGS.gap.citations,
      },
    ]);
    expect(findings[0]?.citations.map(formatCitation)).toEqual([
      'S2 第十六条',
      'S1 第二十条',
      'S1 第二十一条',
      'S3 附件2 第十二条',
    ]);
  });

  it('orders clips by their own start, whatever order they are given in', () => {
    const inOrder = check([clip('a', 0, 60), clip('b', 5, 60), clip('c', 20, 60)]);
    const shuffled = check([clip('c', 20, 60), clip('a', 0, 60), clip('b', 5, 60)]);
    expect(shuffled).toEqual(inOrder);
    expect(gaps(shuffled).map((g) => [g.clipIds, g.seconds])).toEqual([
      [['a', 'b'], 240],
      [['b', 'c'], 840],
    ]);
  });

  it('treats a gap of exactly the threshold as continuous and one millisecond more as a gap', () => {
    const a = clip('a', 0, 60);
    const exactly = { ...clip('b', 0, 60), startedAt: at(1, DEFAULT_MAX_GAP_SECONDS) };
    const justOver = { ...exactly, startedAt: new Date(Date.parse(exactly.startedAt ?? '') + 1).toISOString() };
    expect(check([a, exactly])).toEqual([]);
    expect(gaps(check([a, justOver]))).toMatchObject([{ seconds: 60.001 }]);
  });

  it('takes the threshold from the agency: 5 minutes tolerates what 1 minute does not', () => {
    const clips = [clip('a', 0, 60), clip('b', 4, 60)]; // a 3-minute pause
    expect(gaps(check(clips))).toHaveLength(1);
    expect(check(clips, { maxGapSeconds: 300 })).toEqual([]);
    expect(gaps(check(clips, { maxGapSeconds: 180 }))).toEqual([]);
    expect(gaps(check(clips, { maxGapSeconds: 179 }))).toHaveLength(1);
    expect(
      gaps(check([clip('a', 0, 60), clip('b', 1, 60, { startedAt: at(1, 1) })], { maxGapSeconds: 0 })),
    ).toHaveLength(1);
  });

  it('measures from the furthest end so far: a long clip of a second device covers the pause of the first', () => {
    // Body camera: a 0-10, c 20-30; the handheld camera b 5-40 covers 10-20.
    const findings = check([clip('a', 0, 600), clip('b', 5, 2100), clip('c', 20, 600)]);
    expect(gaps(findings)).toEqual([]);
    expect(codes(findings)).toEqual(['overlap', 'overlap']);
  });

  it('reports each of several gaps once, in time order', () => {
    const findings = check([clip('d', 40, 60), clip('a', 0, 60), clip('c', 30, 60), clip('b', 10, 60)]);
    expect(gaps(findings).map((g) => [g.startedAt, g.endedAt])).toEqual([
      [at(1), at(10)],
      [at(11), at(30)],
      [at(31), at(40)],
    ]);
  });

  it('keeps out of the timeline a clip without timing metadata, so it cannot cover a gap', () => {
    const findings = check([
      clip('a', 0, 60),
      // What the officer declared would fill the hole, but the file itself says nothing.
      { id: 'b', startedAt: null, durationMs: null, declaredStartedAt: at(1), declaredEndedAt: at(10) },
      clip('c', 10, 60),
    ]);
    expect(gaps(findings)).toMatchObject([{ clipIds: ['a', 'c'], seconds: 540 }]);
    expect(only(findings, 'no_timing')).toMatchObject([{ clipIds: ['b'], missing: ['start', 'duration'] }]);
  });
});

describe('continuity: explained and unexplained gaps (AV-4, S2 §16)', () => {
  const clips = [clip('a', 0, 600), clip('b', 15, 600), clip('c', 30, 600)];
  const battery: InterruptionStatement = {
    afterClipId: 'a',
    reasonId: 'low_battery',
    text: '记录仪电量耗尽，更换电池',
  };

  it('marks a gap explained by a statement about the clip it follows, and keeps the statement', () => {
    const findings = check(clips, { interruptions: [battery] });
    expect(gaps(findings).map((g) => [g.clipIds, g.status, g.severity])).toEqual([
      [['a', 'b'], 'explained', 'notice'],
      [['b', 'c'], 'unexplained', 'blocking'],
    ]);
    expect(gaps(findings)[0]?.interruption).toEqual(battery);
  });

  it('lists only the unexplained gaps for the blocking rule', () => {
    const findings = check(clips, { interruptions: [battery] });
    expect(unexplainedGaps(findings).map((g) => g.clipIds)).toEqual([['b', 'c']]);
    expect(unexplainedGaps(check(clips, { interruptions: [battery, { ...battery, afterClipId: 'b' }] }))).toEqual([]);
    expect(unexplainedGaps(check(clips))).toHaveLength(2);
    expect(unexplainedGaps([])).toEqual([]);
  });

  it('does not let a statement about another clip explain a gap', () => {
    const findings = check(clips, { interruptions: [{ ...battery, afterClipId: 'c' }] });
    expect(gaps(findings).map((g) => g.status)).toEqual(['unexplained', 'unexplained']);
  });

  it('does not count an incomplete statement: "other reason" without words, or an unknown reason', () => {
    const other = { afterClipId: 'a', reasonId: 'other_objective', text: '  ' } as const;
    expect(isInterruptionStatementComplete(other)).toBe(false);
    expect(gaps(check(clips, { interruptions: [other] }))[0]?.status).toBe('unexplained');
    expect(gaps(check(clips, { interruptions: [{ ...other, text: '当事人要求暂停' }] }))[0]?.status).toBe('explained');

    const unknown = { afterClipId: 'a', reasonId: 'lunch', text: '午饭' } as unknown as InterruptionStatement;
    expect(isInterruptionStatementComplete(unknown)).toBe(false);
    expect(gaps(check(clips, { interruptions: [unknown] }))[0]?.status).toBe('unexplained');
    // A listed reason stands without more words.
    expect(isInterruptionStatementComplete({ afterClipId: 'a', reasonId: 'storage_full', text: '' })).toBe(true);
  });

  it('accepts the statement about the clip just before by start when a longer clip reaches further', () => {
    // a 0-20 (long), b 5-10; the gap runs from 20 to 30 after a, but the officer named b, the clip they stopped.
    const findings = check([clip('a', 0, 1200), clip('b', 5, 300), clip('c', 30, 60)], {
      interruptions: [{ afterClipId: 'b', reasonId: 'device_failure', text: '' }],
    });
    expect(gaps(findings)).toMatchObject([{ clipIds: ['a', 'c'], status: 'explained' }]);
  });
});

describe('continuity: overlapping clips (AV-4, S2 §14)', () => {
  it('reports an overlap beyond the tolerance as a warning with its length', () => {
    const findings = check([clip('a', 0, 600), clip('b', 9, 600)]);
    expect(findings).toEqual([
      {
        code: 'overlap',
        severity: 'warning',
        clipIds: ['a', 'b'],
        startedAt: at(9),
        endedAt: at(10),
        seconds: 60,
        citations: CONTINUITY_FINDINGS.overlap.citations,
      },
    ]);
  });

  it('tolerates the rounding of whole-second creation times: 1 s is not an overlap, 1.001 s is', () => {
    const a = { ...clip('a', 0, 0), durationMs: 60_500 };
    expect(check([a, { ...clip('b', 0, 60), startedAt: at(0, 59.5) }])).toEqual([]);
    expect(codes(check([a, { ...clip('b', 0, 60), startedAt: at(0, 59.499) }]))).toEqual(['overlap']);
    expect(
      codes(check([a, { ...clip('b', 0, 60), startedAt: at(0, 59.499) }], { overlapToleranceSeconds: 5 })),
    ).toEqual([]);
  });

  it('measures a clip inside another by the inner clip', () => {
    expect(only(check([clip('a', 0, 1200), clip('b', 5, 60)]), 'overlap')).toMatchObject([
      { clipIds: ['a', 'b'], startedAt: at(5), endedAt: at(6), seconds: 60 },
    ]);
  });

  it('finds the same overlap whichever clip is given first', () => {
    expect(check([clip('b', 9, 600), clip('a', 0, 600)])).toEqual(check([clip('a', 0, 600), clip('b', 9, 600)]));
  });
});

describe('continuity: recordings made after the activity (AV-4, S2 §16 不得事后补录)', () => {
  const activity = { startedAt: at(0), endedAt: at(60) };

  it('reports a clip that starts after the activity ended, beyond the clock tolerance', () => {
    const findings = check([clip('a', 0, 3600), clip('late', 90, 60)], { activity, maxGapSeconds: 3600 });
    expect(only(findings, 'after_the_fact')).toEqual([
      {
        code: 'after_the_fact',
        severity: 'warning',
        clipIds: ['late'],
        startedAt: at(90),
        activityEndedAt: at(60),
        seconds: 1800,
        basis: 'file',
        citations: CONTINUITY_FINDINGS.after_the_fact.citations,
      },
    ]);
  });

  it('does not report clips within the activity, or starting within the tolerance after its end', () => {
    expect(check([clip('a', 0, 3600)], { activity })).toEqual([]);
    expect(check([clip('a', 0, 3600), clip('b', 62, 60)], { activity, maxGapSeconds: 600 })).toEqual([]);
    expect(only(check([clip('b', 62, 60)], { activity, clockToleranceSeconds: 119 }), 'after_the_fact')).toHaveLength(
      1,
    );
  });

  it('checks without an activity window only what needs none', () => {
    expect(check([clip('late', 90, 60)])).toEqual([]);
  });

  it('uses the declared start of a file without timing, and says so', () => {
    const findings = check([{ id: 'x', startedAt: null, durationMs: null, declaredStartedAt: at(120) }], { activity });
    expect(only(findings, 'after_the_fact')).toMatchObject([{ clipIds: ['x'], basis: 'declared', seconds: 3600 }]);
  });
});

describe('continuity: device clocks ahead of time (AV-4, S2 §14)', () => {
  it('reports a start later than the upload, beyond the tolerance', () => {
    const findings = check([clip('a', 0, 60, { uploadedAt: at(-10) })]);
    expect(findings).toEqual([
      {
        code: 'future_clock',
        severity: 'warning',
        clipIds: ['a'],
        startedAt: at(0),
        reference: 'upload',
        referenceAt: at(-10),
        seconds: 600,
        citations: CONTINUITY_FINDINGS.future_clock.citations,
      },
    ]);
  });

  it('reports a start later than now when the upload time is not known', () => {
    const findings = check([clip('a', 0, 60, { uploadedAt: null })], { now: at(-60) });
    expect(only(findings, 'future_clock')).toMatchObject([{ reference: 'now', referenceAt: at(-60), seconds: 3600 }]);
  });

  it('allows the clock tolerance both ways, exactly at the boundary', () => {
    expect(check([clip('a', 0, 60, { uploadedAt: at(-2) })])).toEqual([]); // 120 s ahead: tolerated
    expect(codes(check([clip('a', 0, 60, { uploadedAt: at(-2, -1) })]))).toEqual(['future_clock']);
    expect(check([clip('a', 0, 60, { uploadedAt: null })], { now: at(0) })).toEqual([]);
    expect(check([clip('a', 0, 60, { uploadedAt: at(-10) })], { clockToleranceSeconds: 600 })).toEqual([]);
  });
});

describe('continuity: files without timing and declared times (AV-4)', () => {
  it('reports a file without a start or a duration as not checkable', () => {
    const findings = check([
      { id: 'avi', startedAt: null, durationMs: null },
      { id: 'nodur', startedAt: at(0), durationMs: null },
      { id: 'nostart', startedAt: null, durationMs: 60_000 },
    ]);
    expect(findings.map((f) => [f.code, f.clipIds, 'missing' in f ? f.missing : null])).toEqual([
      ['no_timing', ['avi'], ['start', 'duration']],
      ['no_timing', ['nodur'], ['duration']],
      ['no_timing', ['nostart'], ['start']],
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('does not report a file with timing', () => {
    expect(only(check([clip('a', 0, 60)]), 'no_timing')).toEqual([]);
  });

  it('reports a declared start that differs from the file beyond the tolerance', () => {
    const findings = check([clip('a', 30, 60, { declaredStartedAt: at(0), declaredEndedAt: at(1) })]);
    expect(findings).toMatchObject([
      { code: 'declared_mismatch', clipIds: ['a'], startedAt: at(30), declaredStartedAt: at(0), seconds: 1800 },
    ]);
    expect(check([clip('a', 30, 60, { declaredStartedAt: at(32) })])).toEqual([]);
    expect(codes(check([clip('a', 30, 60, { declaredStartedAt: at(32, 1) })]))).toEqual(['declared_mismatch']);
  });
});

describe('continuity: input', () => {
  it('reads instants with any offset and ignores digits below the millisecond', () => {
    const findings = check([
      { id: 'a', startedAt: '2026-03-15T01:00:00.000000Z', durationMs: 60_000 },
      { id: 'b', startedAt: '2026-03-15T09:05:00+08:00', durationMs: 60_000 },
    ]);
    expect(gaps(findings)).toMatchObject([{ startedAt: '2026-03-15T01:01:00.000Z', seconds: 240 }]);
  });

  it('refuses a time without its offset or a date that does not exist', () => {
    for (const startedAt of ['2026-03-15T09:00:00', '2026-02-30T09:00:00Z', '2026-03-15T24:00:00Z', 'yesterday'])
      expect(refusal(() => check([{ id: 'a', startedAt, durationMs: 1 }]))).toEqual({
        code: 'INVALID_DATE',
        details: { fields: [{ field: 'clips[0].startedAt', code: 'INVALID_DATE' }], value: startedAt },
      });
    expect(refusal(() => check([], { now: '2026-03-15' })).code).toBe('INVALID_DATE');
  });

  it('refuses duplicate clip ids, negative durations and thresholds, and an activity ending before it starts', () => {
    expect(refusal(() => check([clip('a', 0, 60), clip('a', 5, 60)]))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'clips[1].id' }] },
    });
    expect(refusal(() => check([{ ...clip('a', 0, 60), durationMs: -1 }])).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => check([{ ...clip('a', 0, 60), durationMs: Number.NaN }])).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => check([], { maxGapSeconds: -1 })).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => check([], { activity: { startedAt: at(10), endedAt: at(0) } })).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('names every finding in Chinese with citations', () => {
    for (const code of CONTINUITY_FINDING_CODES) {
      expect(CONTINUITY_FINDINGS[code].name).toMatch(/[\u4e00-\u9fff]/);
      expect(CONTINUITY_FINDINGS[code].citations.length).toBeGreaterThan(0);
    }
  });

  it('lists gaps and overlaps in time order first, then clip by clip', () => {
    const findings = check(
      [clip('late', 100, 60, { uploadedAt: at(50) }), clip('a', 0, 60), { id: 'x', startedAt: null, durationMs: null }],
      { activity: { startedAt: at(0), endedAt: at(1) } },
    );
    expect(findings.map((f) => [f.code, f.clipIds])).toEqual([
      ['gap', ['a', 'late']],
      ['future_clock', ['late']],
      ['after_the_fact', ['late']],
      ['no_timing', ['x']],
    ]);
  });
});
