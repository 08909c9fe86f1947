// GB 32100-2015 unified social credit code: 18 characters over a 31-symbol alphabet (no I, O, S, V, Z).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'format' | 'check_char';

export const creditCodeCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;

  return ALPHABET[(31 - (sum % 31)) % 31]!;
};

export const checkCreditCode = (value: string): CreditCodeProblem | null => {
  if (!/^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/.test(value)) return 'format';
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return 'check_char';

  return null;
};

export const normalizeCreditCode = (value: string): string => value.trim().toUpperCase();
