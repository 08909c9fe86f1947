import { isIsoDateTime } from '../records/validate-record';
import { AV_EVIDENCE_KINDS, isEvidenceKind, type EvidenceKind } from './file-type';
import { FOCUS_ITEMS } from './focus-items';

/** AV-8: who made the file: the agency's own officers, the party, or a bystander. */
export const EVIDENCE_PROVIDERS = {
  agency: '执法人员摄录',
  party: '当事人提供',
  bystander: '现场其他人员提供',
} as const;
export type EvidenceProvider = keyof typeof EVIDENCE_PROVIDERS;

/** What an officer states about a file before its bytes are sent (AV-3). */
export type EvidenceMetadataInput = {
  kind: string;
  filename: string;
  size: number;
  stage?: string | null;
  recordId?: string | null;
  recordedStartedAt: string;
  recordedEndedAt?: string | null;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  officerIds: string[];
  partyName?: string | null;
  deviceId?: string | null;
  focusItems?: string[];
  providedBy: string;
  providerName?: string | null;
  note?: string | null;
};

export type EvidenceMetadata = {
  kind: EvidenceKind;
  filename: string;
  size: number;
  stage: string | null;
  recordId: string | null;
  recordedStartedAt: string;
  recordedEndedAt: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  officerIds: string[];
  partyName: string | null;
  deviceId: string | null;
  focusItems: string[];
  providedBy: EvidenceProvider;
  providerName: string | null;
  note: string | null;
};

export type EvidenceMetadataProblem = {
  field: string;
  code: 'VALIDATION_FAILED' | 'INVALID_DATE' | 'DATE_IN_FUTURE' | 'EMPTY_FILE' | 'UPLOAD_TOO_LARGE';
};

// A recorder's clock may run a little ahead of the server's.
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const FOCUS_ITEM_IDS = new Set<string>(FOCUS_ITEMS.map((f) => f.id));
// Path separators and control characters: a file name is shown and downloaded, never used as a path.
const isUnsafeFilename = (name: string): boolean =>
  /[/\\]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

const text = (value: string | null | undefined): string | null => {
  const trimmed = typeof value === 'string' ? value.trim() : '';

  return trimmed.length > 0 ? trimmed : null;
};

export const isAvEvidenceKind = (kind: EvidenceKind): boolean =>
  (AV_EVIDENCE_KINDS as readonly string[]).includes(kind);

/**
 * AV-3, AV-8, SEC-3: checks what is said about a file before any byte is stored, and lists every problem at once.
 * The agency's own audio-video must name its time, place, officers and device (S2 第十二条、第十八条); a file a party or
 * bystander provided must name who provided it (S1 第二十二条).
 */
export const validateEvidenceMetadata = ({
  input,
  now,
  maxBytes,
}: {
  input: EvidenceMetadataInput;
  now: Date;
  maxBytes: number;
}): { metadata: EvidenceMetadata | null; problems: EvidenceMetadataProblem[] } => {
  const problems: EvidenceMetadataProblem[] = [];
  const fail = (field: string, code: EvidenceMetadataProblem['code'] = 'VALIDATION_FAILED') =>
    problems.push({ field, code });

  const kind = isEvidenceKind(input.kind) ? input.kind : null;
  if (!kind) fail('kind');
  const filename = text(input.filename);
  if (!filename || filename.length > 255 || isUnsafeFilename(filename)) fail('filename');
  if (!Number.isSafeInteger(input.size) || input.size < 0) fail('size');
  else if (input.size === 0) fail('size', 'EMPTY_FILE');
  else if (input.size > maxBytes) fail('size', 'UPLOAD_TOO_LARGE');

  const started = input.recordedStartedAt;
  const hasStart = typeof started === 'string' && isIsoDateTime(started);
  if (!hasStart) fail('recordedStartedAt', 'INVALID_DATE');
  else if (Date.parse(started) > now.getTime() + FUTURE_TOLERANCE_MS) fail('recordedStartedAt', 'DATE_IN_FUTURE');
  const ended = text(input.recordedEndedAt);
  if (ended !== null) {
    if (!isIsoDateTime(ended)) fail('recordedEndedAt', 'INVALID_DATE');
    else if (Date.parse(ended) > now.getTime() + FUTURE_TOLERANCE_MS) fail('recordedEndedAt', 'DATE_IN_FUTURE');
    else if (hasStart && Date.parse(ended) < Date.parse(started)) fail('recordedEndedAt');
  }

  const providedBy = Object.hasOwn(EVIDENCE_PROVIDERS, input.providedBy)
    ? (input.providedBy as EvidenceProvider)
    : null;
  if (!providedBy) fail('providedBy');
  const providerName = text(input.providerName);
  if (providedBy && providedBy !== 'agency' && !providerName) fail('providerName');
  if (providerName && providerName.length > 100) fail('providerName');

  const isOwnAv = providedBy === 'agency' && kind !== null && isAvEvidenceKind(kind);
  const officerIds = Array.isArray(input.officerIds) ? input.officerIds : [];
  if (!Array.isArray(input.officerIds) || officerIds.some((id) => typeof id !== 'string')) fail('officerIds');
  else if (providedBy === 'agency' && officerIds.length === 0) fail('officerIds');
  else if (officerIds.length > 20 || new Set(officerIds).size !== officerIds.length) fail('officerIds');

  const place = text(input.place);
  if (isOwnAv && !place) fail('place');
  if (place && place.length > 200) fail('place');
  const deviceId = text(input.deviceId);
  // DEV-2: the agency's own recordings are traceable to the device that made them.
  if (isOwnAv && !deviceId) fail('deviceId');

  const latitude = input.latitude ?? null;
  const longitude = input.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) fail(latitude === null ? 'latitude' : 'longitude');
  if (latitude !== null && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) fail('latitude');
  if (longitude !== null && !(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) fail('longitude');

  const focusItems = input.focusItems ?? [];
  if (
    !Array.isArray(focusItems) ||
    focusItems.some((id) => !FOCUS_ITEM_IDS.has(id)) ||
    new Set(focusItems).size !== focusItems.length
  ) {
    fail('focusItems');
  }
  const partyName = text(input.partyName);
  if (partyName && partyName.length > 200) fail('partyName');
  const note = text(input.note);
  if (note && note.length > 1000) fail('note');
  const stage = text(input.stage);
  const recordId = text(input.recordId);

  if (problems.length > 0 || !kind || !filename || !providedBy) return { metadata: null, problems };

  return {
    metadata: {
      kind,
      filename,
      size: input.size,
      stage,
      recordId,
      recordedStartedAt: new Date(started).toISOString(),
      recordedEndedAt: ended === null ? null : new Date(ended).toISOString(),
      place,
      latitude,
      longitude,
      officerIds: [...officerIds],
      partyName,
      deviceId,
      focusItems: [...focusItems],
      providedBy,
      providerName: providedBy === 'agency' ? null : providerName,
      note,
    },
    problems,
  };
};
