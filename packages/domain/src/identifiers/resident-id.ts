// GB 11643-1999 citizen identity number: 6-digit region, 8-digit birth date, 3-digit order, check char.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export const residentIdCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;

  return CHECK_CHARS[sum % 11]!;
};

const isRealDate = (yyyymmdd: string): boolean => {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/** Returns null when valid; 15-digit first-generation numbers are refused because they expired in 2013. */
export const checkResidentId = (value: string, today?: string): ResidentIdProblem | null => {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  // First digit is the province group 1-8 (GB/T 2260); 0 and 9 are never assigned.
  if (!/^[1-8]\d{5}/.test(value)) return 'region';
  const birth = value.slice(6, 14);
  if (!isRealDate(birth)) return 'birth_date';
  if (today !== undefined && birth > today.replaceAll('-', '')) return 'birth_date';
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return 'check_digit';

  return null;
};

/** Accepts a lower-case x and surrounding spaces, as people type them. */
export const normalizeResidentId = (value: string): string => value.trim().toUpperCase();
