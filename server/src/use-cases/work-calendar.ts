import {
  buildCalendar,
  CALENDAR_DAY_NAME_MAX,
  DomainError,
  draftCalendarRows,
  isIsoDate,
  OFFICIAL_CALENDAR_YEARS,
  officialCalendarRows,
  type CalendarDay,
  type WorkCalendar,
} from '@liuhen/domain';
import type { Executor } from '../db/client';
import {
  countCalendarDays,
  insertCalendarDays,
  listAllCalendarDays,
  listCalendarDays,
  upsertCalendarDay,
} from '../db/repos/record-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

/** PROC-8: the first start fills the calendar from the official schedule (chinese-days); administrators keep it up. */
export const ensureCalendarSeeded = async ({ ctx }: { ctx: Pick<UseCaseContext, 'db' | 'clock'> }): Promise<number> => {
  if ((await countCalendarDays(ctx.db)) > 0) return 0;
  const now = ctx.clock.now();
  const rows = officialCalendarRows(OFFICIAL_CALENDAR_YEARS).map((day) => ({
    ...day,
    updatedBy: null,
    updatedAt: now,
  }));
  await insertCalendarDays(ctx.db, rows);

  return rows.length;
};

// The calendar changes a few times a year; requests share one copy, refreshed at most every minute or on an edit.
let cached: { at: number; calendar: WorkCalendar } | null = null;
const TTL_MS = 60_000;

export const loadWorkCalendar = async (db: Executor, now: Date): Promise<WorkCalendar> => {
  if (cached && now.getTime() - cached.at < TTL_MS) return cached.calendar;
  const rows: CalendarDay[] = (await listAllCalendarDays(db)).map((r) => ({
    date: r.date,
    isWorkingDay: r.isWorkingDay,
    name: r.name,
    source: r.source as CalendarDay['source'],
  }));
  const calendar = buildCalendar(rows);
  cached = { at: now.getTime(), calendar };

  return calendar;
};

export const forgetCachedCalendar = (): void => {
  cached = null;
};

export const listCalendarYear = async ({ ctx, year }: { ctx: UseCaseContext; year: number }) => {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'year', code: 'VALIDATION_FAILED' }] });
  }
  const calendar = await loadWorkCalendar(ctx.db, ctx.clock.now());

  return {
    year,
    isCovered: calendar.coveredYears.includes(year),
    coveredYears: [...calendar.coveredYears],
    days: await listCalendarDays(ctx.db, `${year}-01-01`, `${year}-12-31`),
  };
};

/** PROC-8: an administrator marks a day (a new year's schedule, a local holiday); the change is a ledger entry. */
export const setCalendarDay = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: { date: string; isWorkingDay: boolean; name: string | null };
}) => {
  authorize(actor, 'calendar.manage');
  const name = input.name?.trim() || null;
  if (!isIsoDate(input.date) || (name !== null && name.length > 50)) {
    throw new DomainError('INVALID_CALENDAR_DAY', { date: input.date });
  }
  // The calendar holds whole years only: one day of an unentered year would make its other days look known.
  const year = Number(input.date.slice(0, 4));
  if (!(await loadWorkCalendar(ctx.db, ctx.clock.now())).coveredYears.includes(year)) {
    throw new DomainError('CALENDAR_YEAR_NOT_COVERED', { year });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertCalendarDay(tx, {
      date: input.date,
      isWorkingDay: input.isWorkingDay,
      name,
      source: 'admin',
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'calendar.day_changed',
        subjectId: ctx.newId(),
        caseId: null,
        payload: { date: input.date, isWorkingDay: input.isWorkingDay, name },
      },
    });
  });
  forgetCachedCalendar();
};

export type CalendarYearInput = {
  year: number;
  /** The days that differ from Monday–Friday working: holidays, and weekend days made working (调休). */
  exceptions: { date: string; isWorkingDay: boolean; name: string | null }[];
};

/**
 * PROC-8: enters a whole new year (the State Council publishes each year's schedule in the autumn before), Monday to
 * Friday working except the days listed; one ledger entry names every exception.
 */
export const addCalendarYear = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: CalendarYearInput;
}) => {
  authorize(actor, 'calendar.manage');
  const { year } = input;
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'year', code: 'VALIDATION_FAILED' }] });
  }
  const fields: { field: string; code: 'INVALID_CALENDAR_DAY' }[] = [];
  const seen = new Set<string>();
  const exceptions = input.exceptions.map((day, i) => {
    const name = day.name?.trim() || null;
    if (
      !isIsoDate(day.date) ||
      Number(day.date.slice(0, 4)) !== year ||
      seen.has(day.date) ||
      (name !== null && name.length > CALENDAR_DAY_NAME_MAX)
    ) {
      fields.push({ field: `exceptions.${i}`, code: 'INVALID_CALENDAR_DAY' });
    }
    seen.add(day.date);

    return { date: day.date, isWorkingDay: day.isWorkingDay, name };
  });
  if (fields.length > 0) throw new DomainError('INVALID_CALENDAR_DAY', { fields });
  const now = ctx.clock.now();
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const rows = draftCalendarRows(year).map((day) => ({
    ...day,
    ...(byDate.get(day.date) ?? {}),
    // The year as the State Council published it; later changes of single days are marked 'admin'.
    source: 'official' as const,
    updatedBy: actor.userId,
    updatedAt: now,
  }));
  await ctx.db.transaction(async (tx) => {
    // Inside the transaction: two administrators entering the same year cannot both succeed.
    if ((await listCalendarDays(tx, `${year}-01-01`, `${year}-12-31`)).length > 0) {
      throw new DomainError('CALENDAR_YEAR_EXISTS', { year });
    }
    await insertCalendarDays(tx, rows);
    await appendLedgerEntry(tx, {
      agencyId: actor.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: { type: 'calendar.year_added', subjectId: ctx.newId(), caseId: null, payload: { year, exceptions } },
    });
  });
  forgetCachedCalendar();

  return { year, days: rows.length, nonWorkingDays: rows.filter((r) => !r.isWorkingDay).length };
};
