import dayjs, { type Dayjs } from 'dayjs';

const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A picked date and time as an instant in China time. Enforcement happens in China, so the wall-clock time the
 * officer picked is China time whatever time zone the browser is set to.
 */
export const toChinaIso = (value: Dayjs): string => `${value.format('YYYY-MM-DDTHH:mm:ss')}${CHINA_OFFSET}`;

/** An instant as the China wall-clock time, for a picker or for display; null when unreadable. */
export const chinaWallClock = (iso: string): Dayjs | null => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const china = new Date(ms + CHINA_OFFSET_MS);

  return dayjs(
    new Date(
      china.getUTCFullYear(),
      china.getUTCMonth(),
      china.getUTCDate(),
      china.getUTCHours(),
      china.getUTCMinutes(),
      china.getUTCSeconds(),
    ),
  );
};

export const chinaNow = (now: Date = new Date()): Dayjs => chinaWallClock(now.toISOString()) ?? dayjs(now);

export const formatChinaDateTime = (iso: string, format = 'YYYY-MM-DD HH:mm'): string =>
  chinaWallClock(iso)?.format(format) ?? iso;
