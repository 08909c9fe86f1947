import {
  allowedDeviceChanges,
  DEVICE_CHECKABLE_STATES,
  deviceStateOf,
  DomainError,
  evaluateDeviceCheck,
  mayCheckDevice,
  type DeviceChangeType,
  type DeviceCheckResult,
  type DeviceEventFact,
  type DeviceEventType,
  type DeviceHolder,
  type DeviceProblem,
  type DeviceStatus,
  type Role,
} from '@liuhen/domain';
import type { DeviceEventRow, DeviceRow, LastCheckRow } from '../db/repos/device-repo';
import { can, PERMISSIONS } from '../policies/permissions';
import type { UserActor } from './context';

// Shared by the device use-cases (DEV-1, DEV-2, AV-5); each action stays in its own file.

/** Reading the register: whoever reads cases (officers pick their device) or keeps the devices. */
export const authorizeDeviceRead = (actor: UserActor): void => {
  if (!can(actor, 'case.read') && !can(actor, 'device.manage')) {
    throw new DomainError('FORBIDDEN', { permission: 'device.read' });
  }
};

/** A device goes to someone who will log its pre-use checks (AV-5): the roles that may check devices. */
export const DEVICE_HOLDER_ROLES: ReadonlySet<Role> = new Set<Role>(PERMISSIONS['device.check']);

export const isDeviceKeeper = (actor: UserActor): boolean => can(actor, 'device.manage');

export const eventFactsOf = (rows: readonly DeviceEventRow[]): DeviceEventFact[] =>
  rows.map((r) => ({
    type: r.type as DeviceEventType,
    at: r.at,
    assigneeUserId: r.assigneeUserId,
    assigneeSectionId: r.assigneeSectionId,
  }));

export type HolderView = {
  userId: string | null;
  userName: string | null;
  sectionId: string | null;
  sectionName: string | null;
};

export const holderViewOf = (
  holder: DeviceHolder | null,
  names: { users: Map<string, string>; sections: Map<string, string> },
): HolderView | null =>
  holder
    ? {
        userId: holder.userId,
        userName: holder.userId ? (names.users.get(holder.userId) ?? null) : null,
        sectionId: holder.sectionId,
        sectionName: holder.sectionId ? (names.sections.get(holder.sectionId) ?? null) : null,
      }
    : null;

/** Refuses with every problem at once: one code when they share it, VALIDATION_FAILED otherwise (SEC-3). */
export const refuseDeviceProblems = (problems: readonly { field: string; code: string }[]): never => {
  const codes = new Set(problems.map((p) => p.code));
  throw new DomainError((codes.size === 1 ? [...codes][0] : 'VALIDATION_FAILED') as DeviceProblem['code'], {
    fields: problems,
  });
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DeviceSummary = {
  device: DeviceRow;
  status: DeviceStatus;
  holder: HolderView | null;
  lastCheck: (LastCheckRow & { result: DeviceCheckResult }) | null;
  checkCount: number;
  evidenceCount: number;
  /** The changes the actor may record now (empty for those who do not keep devices). */
  allowedChanges: DeviceChangeType[];
  /** Whether the actor may log a pre-use check of this device now (AV-5). */
  canCheck: boolean;
};

/** One device as the register shows it: its state and holder folded from its events, and its newest check. */
export const summarizeDevice = (options: {
  actor: UserActor;
  device: DeviceRow;
  events: readonly DeviceEventRow[];
  lastCheck: LastCheckRow | null;
  checkCount: number;
  evidenceCount: number;
  names: { users: Map<string, string>; sections: Map<string, string> };
}): DeviceSummary => {
  const { actor, device, lastCheck } = options;
  const status = deviceStateOf(eventFactsOf(options.events));
  const canCheck =
    can(actor, 'device.check') &&
    DEVICE_CHECKABLE_STATES.includes(status.state) &&
    mayCheckDevice(status, { userId: actor.userId, sectionId: actor.sectionId, isKeeper: isDeviceKeeper(actor) });

  return {
    device,
    status,
    holder: holderViewOf(status.holder, options.names),
    // The stored verdict stands; the items explain it by the rules as they are now.
    lastCheck: lastCheck ? { ...lastCheck, result: evaluateDeviceCheck(lastCheck) } : null,
    checkCount: options.checkCount,
    evidenceCount: options.evidenceCount,
    allowedChanges: isDeviceKeeper(actor) ? allowedDeviceChanges(status.state) : [],
    canCheck,
  };
};
