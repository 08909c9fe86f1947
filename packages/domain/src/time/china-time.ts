// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in China at the given instant. */
export const chinaDate = (instant: Date): string => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

export const chinaYear = (instant: Date): number => Number(chinaDate(instant).slice(0, 4));

/** True for a real calendar date written as YYYY-MM-DD. */
export const isIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
