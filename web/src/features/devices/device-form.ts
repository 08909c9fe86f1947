import type { Dayjs } from 'dayjs';
import type { DeviceCheckRequest, RegisterDeviceRequest } from '../../api/devices';
import { toChinaIso } from '../time/china-time';

export type RegisterDeviceValues = {
  kind: string;
  serialNumber: string;
  model: string;
  name: string;
  procuredOn?: Dayjs | null;
};

export const toRegisterRequest = (values: RegisterDeviceValues): RegisterDeviceRequest => ({
  kind: values.kind,
  serialNumber: values.serialNumber.trim(),
  model: values.model.trim(),
  name: values.name.trim(),
  procuredOn: values.procuredOn ? values.procuredOn.format('YYYY-MM-DD') : null,
});

export type DeviceCheckValues = {
  batteryPercent: number;
  /** Entered in GB, as the device shows it; sent in MB. */
  freeStorageGb: number;
  clockOffsetSeconds: number;
  note?: string;
};

/** GB as typed (one decimal) to whole MB, rounded down so a reading never looks better than it is. */
export const gbToMb = (gb: number): number => Math.floor(Math.round(gb * 1024 * 10) / 10);

export const toCheckRequest = (values: DeviceCheckValues): DeviceCheckRequest => ({
  batteryPercent: values.batteryPercent,
  freeStorageMb: gbToMb(values.freeStorageGb),
  clockOffsetSeconds: values.clockOffsetSeconds,
  note: values.note?.trim() || null,
});

/**
 * AV-5: the device clock's offset in whole seconds (device minus standard time; ahead is positive). The time typed is
 * what the device's screen shows, read as China time; `now` is when it was read, by the browser's clock.
 */
export const clockOffsetSeconds = (deviceTime: Dayjs, now: Date): number =>
  Math.round((Date.parse(toChinaIso(deviceTime)) - now.getTime()) / 1000);
