import type { TimelineEntry } from '../../api/types';

/** Ledger order; entries still queued for a place in the log (no seq yet) come last, oldest first. */
export const compareTimelineEntries = (a: TimelineEntry, b: TimelineEntry): number => {
  if (a.seq !== null && b.seq !== null) return a.seq - b.seq;
  if (a.seq !== null) return -1;
  if (b.seq !== null) return 1;

  return a.occurredAt.localeCompare(b.occurredAt);
};

export const sortTimeline = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort(compareTimelineEntries);
