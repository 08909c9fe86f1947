import { isIsoDate } from '../time/china-time';
import { isDeviceKind, type DeviceKind } from './device-kinds';
import type { DeviceProblem } from './device-lifecycle';

export type NewDeviceInput = {
  kind: string;
  serialNumber: string;
  model: string;
  name: string;
  procuredOn?: string | null;
};

export type NewDevice = {
  kind: DeviceKind;
  serialNumber: string;
  model: string;
  name: string;
  procuredOn: string | null;
};

export const DEVICE_TEXT_LIMITS = { serialNumber: 64, model: 100, name: 50 } as const;

// Letters, digits and the separators makers print on labels; compared in upper case, so 'sn-1' and 'SN-1' are one.
const SERIAL = /^[A-Z0-9][A-Z0-9._\-/]*$/;

/** DEV-1: the serial number as the register keeps it: trimmed and in upper case. */
export const normalizeSerialNumber = (value: string): string => value.trim().toUpperCase();

/** DEV-1: checks a device to register, listing every problem at once; `today` is the China date. */
export const validateNewDevice = (
  input: NewDeviceInput,
  today: string,
): { device: NewDevice | null; problems: DeviceProblem[] } => {
  const problems: DeviceProblem[] = [];
  if (!isDeviceKind(input.kind)) problems.push({ field: 'kind', code: 'VALIDATION_FAILED' });
  const serialNumber = normalizeSerialNumber(input.serialNumber ?? '');
  if (!SERIAL.test(serialNumber) || serialNumber.length > DEVICE_TEXT_LIMITS.serialNumber) {
    problems.push({ field: 'serialNumber', code: 'VALIDATION_FAILED' });
  }
  const model = (input.model ?? '').trim();
  if (model.length === 0 || model.length > DEVICE_TEXT_LIMITS.model) {
    problems.push({ field: 'model', code: 'VALIDATION_FAILED' });
  }
  const name = (input.name ?? '').trim();
  if (name.length === 0 || name.length > DEVICE_TEXT_LIMITS.name)
    problems.push({ field: 'name', code: 'VALIDATION_FAILED' });
  const procuredOn = input.procuredOn?.trim() || null;
  if (procuredOn !== null) {
    if (!isIsoDate(procuredOn)) problems.push({ field: 'procuredOn', code: 'INVALID_DATE' });
    else if (procuredOn > today) problems.push({ field: 'procuredOn', code: 'DATE_IN_FUTURE' });
  }
  if (problems.length > 0) return { device: null, problems };

  return { device: { kind: input.kind as DeviceKind, serialNumber, model, name, procuredOn }, problems };
};
