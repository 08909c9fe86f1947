import {
  DEVICE_CHECKABLE_STATES,
  DEVICE_CHECK_RULES,
  DEVICE_EVENTS,
  DEVICE_EVENT_TYPES,
  DEVICE_KINDS,
  DEVICE_STATES,
  DEVICE_STATE_IDS,
  isDeviceKind,
  type DeviceCheckResult,
  type DeviceEventType,
} from '@liuhen/domain';
import type { DeviceCheckRow } from '../db/repos/device-repo';
import type { DeviceDetail } from '../use-cases/get-device';
import type { DeviceSummary, HolderView } from '../use-cases/device-views';
import type { DeviceRegister } from '../use-cases/list-devices';
import { presentCitations } from './workspace-presenter';

// DEV-1, DEV-2, AV-5: every field that leaves the server about devices is named here.

const kindName = (kind: string): string => (isDeviceKind(kind) ? DEVICE_KINDS.find((k) => k.id === kind)!.name : kind);

const presentHolder = (h: HolderView | null) =>
  h ? { userId: h.userId, userName: h.userName, sectionId: h.sectionId, sectionName: h.sectionName } : null;

const presentCheckItems = (result: DeviceCheckResult) =>
  result.items.map((i) => ({
    id: i.id,
    name: i.name,
    value: i.value,
    isPassed: i.isPassed,
    requirement: i.requirement,
    message: i.message,
    citations: presentCitations(i.citations),
  }));

export const presentDeviceSummary = (s: DeviceSummary) => ({
  id: s.device.id,
  kind: s.device.kind,
  kindName: kindName(s.device.kind),
  serialNumber: s.device.serialNumber,
  model: s.device.model,
  name: s.device.name,
  procuredOn: s.device.procuredOn,
  createdAt: s.device.createdAt.toISOString(),
  state: s.status.state,
  stateName: DEVICE_STATES[s.status.state],
  since: s.status.since ? s.status.since.toISOString() : null,
  holder: presentHolder(s.holder),
  lastCheck: s.lastCheck
    ? {
        id: s.lastCheck.id,
        isReady: s.lastCheck.isReady,
        checkedAt: s.lastCheck.checkedAt.toISOString(),
        checkedBy: { id: s.lastCheck.checkedBy, displayName: s.lastCheck.checkedByName },
        failed: s.lastCheck.result.failed.map((f) => ({ id: f.id, name: f.name, message: f.message ?? '' })),
      }
    : null,
  checkCount: s.checkCount,
  evidenceCount: s.evidenceCount,
  allowedChanges: s.allowedChanges,
  canCheck: s.canCheck,
});

export const presentDeviceRegister = (r: DeviceRegister) => ({
  devices: r.devices.map(presentDeviceSummary),
  counts: r.counts,
  permissions: r.permissions,
});

export const presentDeviceDetail = (d: DeviceDetail) => ({
  ...presentDeviceSummary(d),
  canSeeCases: d.canSeeCases,
  events: d.events.map((e) => ({
    id: e.id,
    type: e.type,
    name: DEVICE_EVENTS[e.type as DeviceEventType]?.name ?? e.type,
    at: e.at.toISOString(),
    actor: { id: e.actorUserId, displayName: e.actorName },
    assignee: presentHolder(e.assignee),
    note: e.note,
  })),
  checks: d.checks.map((c) => ({
    id: c.id,
    batteryPercent: c.batteryPercent,
    freeStorageMb: c.freeStorageMb,
    clockOffsetSeconds: c.clockOffsetSeconds,
    isReady: c.isReady,
    note: c.note,
    checkedAt: c.checkedAt.toISOString(),
    checkedBy: { id: c.checkedBy, displayName: c.checkedByName },
    case: d.canSeeCases && c.caseId ? { id: c.caseId, number: c.caseNumber ?? '' } : null,
    items: presentCheckItems(c.result),
  })),
  // ORG-4: who used the device when is the register's; which case and which file only for case readers.
  files: d.files.map((f) => ({
    id: f.id,
    kind: f.kind,
    case: d.canSeeCases ? { id: f.caseId, number: f.caseNumber } : null,
    filename: d.canSeeCases ? f.filename : null,
    recordedStartedAt: f.recordedStartedAt.toISOString(),
    recordedEndedAt: f.recordedEndedAt ? f.recordedEndedAt.toISOString() : null,
    officers: Array.isArray(f.officers)
      ? (f.officers as { userId: string; name: string }[]).map((o) => ({ id: o.userId, displayName: o.name }))
      : [],
    holderAtRecording: presentHolder(f.holderAtRecording),
    uploadedBy: { id: f.uploadedBy, displayName: f.uploadedByName },
    uploadedAt: f.uploadedAt.toISOString(),
    uploadDueAt: f.uploadDueAt ? f.uploadDueAt.toISOString() : null,
    uploadDelaySeconds: f.uploadDelaySeconds,
    lateBySeconds: f.lateBySeconds,
  })),
});

export const presentDeviceCheck = ({ check, result }: { check: DeviceCheckRow; result: DeviceCheckResult }) => ({
  id: check.id,
  deviceId: check.deviceId,
  isReady: check.isReady,
  checkedAt: check.checkedAt.toISOString(),
  items: presentCheckItems(result),
  failed: result.failed.map((f) => ({ id: f.id, name: f.name, message: f.message ?? '' })),
});

/** The register's rules as data, so the web builds its tags, actions and check form from one source (DEV-1, AV-5). */
export const presentDeviceCatalog = () => ({
  kinds: DEVICE_KINDS.map((k) => ({ id: k.id, name: k.name, citations: presentCitations(k.citations) })),
  states: DEVICE_STATE_IDS.map((id) => ({ id, name: DEVICE_STATES[id] })),
  events: DEVICE_EVENT_TYPES.map((type) => {
    const e = DEVICE_EVENTS[type];

    return {
      type,
      name: e.name,
      from: [...e.from],
      to: e.to,
      assignee: e.assignee,
      note: e.note,
      citations: presentCitations(e.citations),
    };
  }),
  checkRules: DEVICE_CHECK_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    field: r.field,
    comparison: r.comparison,
    limit: r.limit,
    unit: r.unit,
    requirement: r.requirement,
    citations: presentCitations(r.citations),
  })),
  checkableStates: [...DEVICE_CHECKABLE_STATES],
});
