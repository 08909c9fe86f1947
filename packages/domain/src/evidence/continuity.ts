import { DomainError } from '../errors';
import type { Citation } from '../procedures/citation';
import { cite } from '../procedures/citation';
import type { InterruptionReasonId } from './interruption-reasons';
import { INTERRUPTION_REASONS } from './interruption-reasons';

// AV-4: recording is continuous from arrival to departure (S1 §20); it may stop only for an objective reason, stated
// on resumption or in writing (S2 §16, S1 §21, S3 附件2 §12), and is never made up afterwards (S2 §16). The clips of
// one field activity are laid on a timeline from the files' own metadata and every hole, overlap and clock problem
// is reported. Pure: the server reads the metadata and passes the time in.

/** One clip of a field activity: its timing as the file states it, what the officer declared, when it arrived. */
export type ClipTiming = {
  id: string;
  /** The start as an ISO instant from the file's own metadata (MP4 mvhd creation_time); null when it has none. */
  startedAt: string | null;
  /** The duration from the file's metadata; null when it has none. */
  durationMs: number | null;
  /** What the officer entered on upload; never used in place of the file's timing for gaps. */
  declaredStartedAt?: string | null;
  declaredEndedAt?: string | null;
  /** When the upload finished (server time). */
  uploadedAt?: string | null;
};

/** The activity the clips record, as its text record states it (e.g. 现场检查笔录 检查时间). */
export type ActivityWindow = { startedAt: string; endedAt: string };

/** The officer's explanation of the stop after a clip (中止原因说明). */
export type InterruptionStatement = { afterClipId: string; reasonId: InterruptionReasonId; text: string };

export const DEFAULT_MAX_GAP_SECONDS = 60;
/** Device clocks drift and are set by hand (S2 §14); differences within this are not reported. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 120;
/** MP4 creation times have whole seconds, so consecutive clips of one device may seem to overlap by up to 1 s. */
export const DEFAULT_OVERLAP_TOLERANCE_SECONDS = 1;

export const CONTINUITY_FINDING_CODES = [
  'gap',
  'overlap',
  'after_the_fact',
  'future_clock',
  'declared_mismatch',
  'no_timing',
] as const;
export type ContinuityFindingCode = (typeof CONTINUITY_FINDING_CODES)[number];

/** The findings as data: a Chinese name and the articles each rests on. */
export const CONTINUITY_FINDINGS = {
  gap: {
    name: '音像记录中断',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十条'), cite('S1', '第二十一条'), cite('S3', '附件2 第十二条')],
  },
  overlap: {
    name: '音像记录时间重叠（多台设备或设备时间不准）',
    citations: [cite('S2', '第十四条')],
  },
  after_the_fact: {
    name: '音像记录开始于执法活动结束之后（可能为事后补录）',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十条')],
  },
  future_clock: {
    name: '音像记录时间晚于上传时间或当前时间（设备时间不准）',
    citations: [cite('S2', '第十四条')],
  },
  declared_mismatch: {
    name: '文件记载的开始时间与填报的时间不一致',
    citations: [cite('S2', '第十四条'), cite('S2', '第十五条')],
  },
  no_timing: {
    name: '文件无时间信息，无法核验连续性',
    citations: [cite('S2', '第十二条'), cite('S2', '第十六条')],
  },
} as const satisfies Record<ContinuityFindingCode, { name: string; citations: readonly Citation[] }>;

/** blocking: stops completing the stage; warning: shown to the officer and the supervisor; notice: for the record. */
export type ContinuitySeverity = 'blocking' | 'warning' | 'notice';

type FindingBase<C extends ContinuityFindingCode> = {
  code: C;
  severity: ContinuitySeverity;
  clipIds: readonly string[];
  citations: readonly Citation[];
};

/** Nothing was recorded from `startedAt` to `endedAt`: between the end of clipIds[0] and the start of clipIds[1]. */
export type GapFinding = FindingBase<'gap'> & {
  status: 'explained' | 'unexplained';
  startedAt: string;
  endedAt: string;
  seconds: number;
  interruption: InterruptionStatement | null;
};

/** clipIds[1] starts `seconds` before clipIds[0] ends. */
export type OverlapFinding = FindingBase<'overlap'> & { startedAt: string; endedAt: string; seconds: number };

export type AfterTheFactFinding = FindingBase<'after_the_fact'> & {
  startedAt: string;
  activityEndedAt: string;
  seconds: number;
  /** Whether the start came from the file or, lacking that, from the officer's declaration. */
  basis: 'file' | 'declared';
};

export type FutureClockFinding = FindingBase<'future_clock'> & {
  startedAt: string;
  reference: 'upload' | 'now';
  referenceAt: string;
  seconds: number;
};

/** The file's start minus the declared start. */
export type DeclaredMismatchFinding = FindingBase<'declared_mismatch'> & {
  startedAt: string;
  declaredStartedAt: string;
  seconds: number;
};

export type NoTimingFinding = FindingBase<'no_timing'> & { missing: readonly ('start' | 'duration')[] };

export type ContinuityFinding =
  GapFinding | OverlapFinding | AfterTheFactFinding | FutureClockFinding | DeclaredMismatchFinding | NoTimingFinding;

// ---------------------------------------------------------------------------------------------------------------

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const invalid = (field: string, value: unknown): DomainError =>
  new DomainError('VALIDATION_FAILED', { fields: [{ field, code: 'VALIDATION_FAILED' }], value });

/** Whether the fields of a date and time exist (Date.parse would turn 2 月 30 日 into 3 月 2 日). */
const isRealDateTime = (year: number, month: number, day: number, hour: number, minute: number, second: number) =>
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
  hour <= 23 &&
  minute <= 59 &&
  second <= 59;

/** An ISO instant with its offset (a time without one would be read in the server's zone) to epoch milliseconds. */
const parseInstant = (value: string, field: string): number => {
  const match = INSTANT.exec(value);
  const [year, month, day, hour, minute, second] = (match?.slice(1, 7) ?? []).map((part) => Number(part ?? 0));
  const isReal = match !== null && isRealDateTime(year ?? 0, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0);
  // Sub-millisecond digits (ffprobe prints microseconds) are dropped.
  const ms = isReal ? Date.parse(value.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  if (Number.isNaN(ms)) throw new DomainError('INVALID_DATE', { fields: [{ field, code: 'INVALID_DATE' }], value });

  return ms;
};

const optionalInstant = (value: string | null | undefined, field: string): number | null =>
  value === null || value === undefined ? null : parseInstant(value, field);

const seconds = (ms: number): number => ms / 1000;
const iso = (ms: number): string => new Date(ms).toISOString();

const nonNegative = (value: number, field: string): number => {
  if (!Number.isFinite(value) || value < 0) throw invalid(field, value);

  return value;
};

/** Whether a statement names a known reason and says what its reason needs said. */
export const isInterruptionStatementComplete = (statement: InterruptionStatement): boolean => {
  const reason = INTERRUPTION_REASONS.find((r) => r.id === statement.reasonId);

  return reason !== undefined && (!reason.isTextRequired || statement.text.trim().length > 0);
};

type TimedClip = { id: string; index: number; start: number; end: number };

const finding = <C extends ContinuityFindingCode>(code: C, severity: ContinuitySeverity, clipIds: string[]) => ({
  code,
  severity,
  clipIds,
  citations: CONTINUITY_FINDINGS[code].citations,
});

/**
 * AV-4: the continuity and timing findings for the clips of one field activity. Clips are ordered by the start their
 * files state (the order given does not matter); only a clip with both a start and a duration from its file is laid on
 * the timeline, so a declaration cannot cover a hole. A gap longer than `maxGapSeconds` after the latest end so far is
 * reported, explained when a complete statement names the clip it follows. Findings come in timeline order (gaps and
 * overlaps), then clip by clip in the order given.
 */
export const checkContinuity = ({
  clips,
  activity = null,
  interruptions = [],
  now,
  maxGapSeconds = DEFAULT_MAX_GAP_SECONDS,
  clockToleranceSeconds = DEFAULT_CLOCK_TOLERANCE_SECONDS,
  overlapToleranceSeconds = DEFAULT_OVERLAP_TOLERANCE_SECONDS,
}: {
  clips: readonly ClipTiming[];
  activity?: ActivityWindow | null;
  interruptions?: readonly InterruptionStatement[];
  now: string;
  maxGapSeconds?: number;
  clockToleranceSeconds?: number;
  overlapToleranceSeconds?: number;
}): ContinuityFinding[] => {
  const nowMs = parseInstant(now, 'now');
  const maxGapMs = nonNegative(maxGapSeconds, 'maxGapSeconds') * 1000;
  const clockToleranceMs = nonNegative(clockToleranceSeconds, 'clockToleranceSeconds') * 1000;
  const overlapToleranceMs = nonNegative(overlapToleranceSeconds, 'overlapToleranceSeconds') * 1000;
  const activityEnd = activity ? parseInstant(activity.endedAt, 'activity.endedAt') : null;
  if (activity && activityEnd !== null && parseInstant(activity.startedAt, 'activity.startedAt') > activityEnd)
    throw invalid('activity', activity);

  const seen = new Set<string>();
  for (const [index, clip] of clips.entries()) {
    if (seen.has(clip.id)) throw invalid(`clips[${index}].id`, clip.id);
    seen.add(clip.id);
  }

  const timeline: TimedClip[] = [];
  const perClip: ContinuityFinding[] = [];

  for (const [index, clip] of clips.entries()) {
    const field = `clips[${index}]`;
    const start = optionalInstant(clip.startedAt, `${field}.startedAt`);
    const duration = clip.durationMs === null ? null : nonNegative(clip.durationMs, `${field}.durationMs`);
    const declaredStart = optionalInstant(clip.declaredStartedAt, `${field}.declaredStartedAt`);
    optionalInstant(clip.declaredEndedAt, `${field}.declaredEndedAt`);
    const uploaded = optionalInstant(clip.uploadedAt, `${field}.uploadedAt`);

    if (start !== null && duration !== null) timeline.push({ id: clip.id, index, start, end: start + duration });

    if (start === null || duration === null) {
      const missing = [
        ...(start === null ? ['start' as const] : []),
        ...(duration === null ? ['duration' as const] : []),
      ];
      perClip.push({ ...finding('no_timing', 'warning', [clip.id]), missing });
    }

    if (start !== null && declaredStart !== null && Math.abs(start - declaredStart) > clockToleranceMs)
      perClip.push({
        ...finding('declared_mismatch', 'warning', [clip.id]),
        startedAt: iso(start),
        declaredStartedAt: iso(declaredStart),
        seconds: seconds(start - declaredStart),
      });

    if (start !== null) {
      const reference =
        uploaded !== null && start - uploaded > clockToleranceMs
          ? { reference: 'upload' as const, at: uploaded }
          : start - nowMs > clockToleranceMs
            ? { reference: 'now' as const, at: nowMs }
            : null;
      if (reference)
        perClip.push({
          ...finding('future_clock', 'warning', [clip.id]),
          startedAt: iso(start),
          reference: reference.reference,
          referenceAt: iso(reference.at),
          seconds: seconds(start - reference.at),
        });
    }

    const basisStart = start ?? declaredStart;
    if (activityEnd !== null && basisStart !== null && basisStart - activityEnd > clockToleranceMs)
      perClip.push({
        ...finding('after_the_fact', 'warning', [clip.id]),
        startedAt: iso(basisStart),
        activityEndedAt: iso(activityEnd),
        seconds: seconds(basisStart - activityEnd),
        basis: start !== null ? 'file' : 'declared',
      });
  }

  timeline.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);

  const statementAfter = (ids: readonly string[]): InterruptionStatement | null =>
    interruptions.find((s) => ids.includes(s.afterClipId) && isInterruptionStatementComplete(s)) ?? null;

  const ordered: ContinuityFinding[] = [];
  let cover: TimedClip | null = null; // the clip that reaches furthest so far
  let previous: TimedClip | null = null;
  for (const clip of timeline) {
    if (cover && previous) {
      const gapMs = clip.start - cover.end;
      if (gapMs > maxGapMs) {
        // The statement may name the clip the recording stopped after, or the one just before by start.
        const interruption = statementAfter([cover.id, previous.id]);
        ordered.push({
          ...finding('gap', interruption ? 'notice' : 'blocking', [cover.id, clip.id]),
          status: interruption ? 'explained' : 'unexplained',
          startedAt: iso(cover.end),
          endedAt: iso(clip.start),
          seconds: seconds(gapMs),
          interruption,
        });
      } else if (-gapMs > overlapToleranceMs) {
        const overlapEnd = Math.min(cover.end, clip.end);
        ordered.push({
          ...finding('overlap', 'warning', [cover.id, clip.id]),
          startedAt: iso(clip.start),
          endedAt: iso(overlapEnd),
          seconds: seconds(overlapEnd - clip.start),
        });
      }
    }
    if (!cover || clip.end > cover.end) cover = clip;
    previous = clip;
  }

  return [...ordered, ...perClip];
};

/** The gaps nobody has explained: what blocks completing the stage (AV-4). */
export const unexplainedGaps = (findings: readonly ContinuityFinding[]): GapFinding[] =>
  findings.filter((f): f is GapFinding => f.code === 'gap' && f.status === 'unexplained');
