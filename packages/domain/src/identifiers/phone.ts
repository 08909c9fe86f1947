// Mainland mobile numbers (11 digits from 13x-19x) or landlines with a 3-4 digit area code.
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export const isValidPhone = (value: string): boolean => MOBILE.test(value) || LANDLINE.test(value);

export const normalizePhone = (value: string): string => value.trim().replace(/\s+/g, '');
