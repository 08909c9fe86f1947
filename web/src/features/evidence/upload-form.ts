import type { Dayjs } from 'dayjs';
import type { DeviceSummary } from '../../api/devices';
import type { StartUploadRequest } from '../../api/evidence';
import type { FieldError } from '../../api/types';
import type { FormFieldErrors, SplitFieldErrors } from '../forms/field-errors';
import { toChinaIso } from '../time/china-time';
import { formatBytes, isAvKind } from './evidence-view';
import type { PickedFile } from './resume-match';

/** When one file's recording started and ended, as the officer states it (AV-3). */
export type FileTimesValue = { startedAt?: Dayjs | null; endedAt?: Dayjs | null };

/** The upload form: what all picked files share, and each file's own times under `files[key]`. */
export type EvidenceUploadValues = {
  kind?: string;
  providedBy?: string;
  providerName?: string;
  stage?: string;
  recordId?: string | null;
  place?: string;
  latitude?: number | null;
  longitude?: number | null;
  officerIds?: string[];
  deviceId?: string | null;
  partyName?: string;
  focusItems?: string[];
  note?: string;
  files?: Record<string, FileTimesValue>;
};

export type SelectedFile<F extends PickedFile = PickedFile> = { key: string; file: F };

/** The agency's own audio-video names its place, officers and device (AV-3, DEV-2); others' files name who gave them. */
export const isOwnAv = (kind: string | undefined, providedBy: string | undefined): boolean =>
  providedBy === 'agency' && isAvKind(kind);

/** The focus-item checklist is about what a recording shows (S2 第十二条): video, audio and photos. */
export const hasFocusItems = (kind: string | undefined): boolean => isAvKind(kind) || kind === 'photo';

const trimmedOrNull = (value: string | null | undefined): string | null => {
  const text = value?.trim();

  return text ? text : null;
};

/** The kind a picked file most likely is, by the type the browser reports; null when it cannot tell. */
export const guessKind = (mimeType: string): string | null => {
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('image/')) return 'photo';
  if (mimeType === 'application/pdf') return 'scan';

  return null;
};

/** Why a file cannot be sent at all, checked before its metadata is; null when it may go. */
export const fileProblem = (file: PickedFile, maxBytes: number): string | null => {
  if (file.size === 0) return '文件为空，不能作为证据';
  if (file.size > maxBytes) return `文件大小 ${formatBytes(file.size)} 超过允许上传的最大大小 ${formatBytes(maxBytes)}`;

  return null;
};

/** A new file's times: a clip usually starts where the one before it ended; the first is left for the officer. */
export const timesAfter = (previous: FileTimesValue | undefined): FileTimesValue => ({
  startedAt: previous?.endedAt ?? previous?.startedAt ?? null,
  endedAt: null,
});

/**
 * The device for the form to start with: one issued to the officer personally, else to the officer's section; of
 * several, the one last checked before use (AV-5), which is the one taken out to the field.
 */
export const defaultDeviceId = (mine: readonly DeviceSummary[], userId: string): string | null => {
  const usable = mine.filter((d) => d.state !== 'retired');
  const personal = usable.filter((d) => d.holder?.userId === userId);
  const candidates = personal.length > 0 ? personal : usable;
  const lastChecked = (d: DeviceSummary) => d.lastCheck?.checkedAt ?? '';

  return [...candidates].sort((a, b) => lastChecked(b).localeCompare(lastChecked(a)))[0]?.id ?? null;
};

export const newUploadFormValues = ({
  stage,
  place,
  partyName,
  officerIds,
  deviceId,
}: {
  stage: string;
  place: string | null;
  partyName: string | null;
  officerIds: string[];
  deviceId: string | null;
}): EvidenceUploadValues => ({
  kind: 'video',
  providedBy: 'agency',
  stage,
  recordId: null,
  place: place ?? '',
  officerIds,
  deviceId,
  partyName: partyName ?? '',
  focusItems: [],
  files: {},
});

/** The metadata of one picked file as POST /api/cases/:id/evidence/uploads takes it. */
export const toStartUploadRequest = (values: EvidenceUploadValues, selected: SelectedFile): StartUploadRequest => {
  const times = values.files?.[selected.key] ?? {};
  const providedBy = values.providedBy ?? 'agency';
  const hasCoordinates =
    typeof values.latitude === 'number' &&
    typeof values.longitude === 'number' &&
    Number.isFinite(values.latitude) &&
    Number.isFinite(values.longitude);

  return {
    kind: values.kind ?? '',
    filename: selected.file.name,
    size: selected.file.size,
    stage: values.stage ?? null,
    recordId: values.recordId ?? null,
    recordedStartedAt: times.startedAt ? toChinaIso(times.startedAt) : '',
    recordedEndedAt: times.endedAt ? toChinaIso(times.endedAt) : null,
    place: trimmedOrNull(values.place),
    latitude: hasCoordinates ? values.latitude! : null,
    longitude: hasCoordinates ? values.longitude! : null,
    officerIds: [...(values.officerIds ?? [])],
    partyName: trimmedOrNull(values.partyName),
    // A party's or bystander's file was made on their own phone or camera, not on one of the agency's devices.
    deviceId: providedBy === 'agency' ? (values.deviceId ?? null) : null,
    focusItems: hasFocusItems(values.kind) ? [...(values.focusItems ?? [])] : [],
    providedBy,
    providerName: providedBy === 'agency' ? null : trimmedOrNull(values.providerName),
    note: trimmedOrNull(values.note),
  };
};

// The request's fields that the form shows under the same name.
const SHARED_FIELDS = new Set([
  'kind',
  'stage',
  'recordId',
  'place',
  'latitude',
  'longitude',
  'officerIds',
  'partyName',
  'deviceId',
  'focusItems',
  'providedBy',
  'providerName',
  'note',
]);

const FILE_FIELDS: Record<string, string> = { recordedStartedAt: 'startedAt', recordedEndedAt: 'endedAt' };

/**
 * The server's field problems for one file's request, placed on the form: shared fields by name, the times on that
 * file's row; problems with the file itself (name, size) are told with the file's name beside the form.
 */
export const splitUploadErrors = (fields: readonly FieldError[], selected: SelectedFile): SplitFieldErrors => {
  const byName = new Map<string, FormFieldErrors>();
  const otherMessages: string[] = [];
  for (const problem of fields) {
    const name = SHARED_FIELDS.has(problem.field)
      ? [problem.field]
      : FILE_FIELDS[problem.field]
        ? ['files', selected.key, FILE_FIELDS[problem.field]!]
        : null;
    if (!name) {
      const message = `「${selected.file.name}」：${problem.message}`;
      if (!otherMessages.includes(message)) otherMessages.push(message);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(problem.message)) entry.errors.push(problem.message);
    byName.set(key, entry);
  }

  return { formErrors: [...byName.values()], otherMessages };
};
