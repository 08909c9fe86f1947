import { DomainError, holderAt, type DeviceCheckResult, evaluateDeviceCheck } from '@liuhen/domain';
import {
  findDevice,
  listDeviceChecks,
  listDeviceEventsWithActors,
  listEvidenceOfDevice,
  namesOf,
  type DeviceCheckView,
  type DeviceEventView,
  type DeviceEvidenceRow,
} from '../db/repos/device-repo';
import { can } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import {
  authorizeDeviceRead,
  eventFactsOf,
  holderViewOf,
  summarizeDevice,
  UUID,
  type DeviceSummary,
  type HolderView,
} from './device-views';

export type DeviceFile = DeviceEvidenceRow & {
  /** DEV-2: who answered for the device when the recording started, from its events. */
  holderAtRecording: HolderView | null;
  /** From the end of the recording (its start when no end is known) to the upload. */
  uploadDelaySeconds: number;
  /** How long after the agency's upload limit the file arrived (AV-6); null when it was in time or has no limit. */
  lateBySeconds: number | null;
};

export type DeviceDetail = DeviceSummary & {
  events: (DeviceEventView & { assignee: HolderView | null })[];
  checks: (DeviceCheckView & { result: DeviceCheckResult })[];
  files: DeviceFile[];
  /** ORG-4: case numbers and file names are case content, shown only to those who read cases. */
  canSeeCases: boolean;
};

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * DEV-1, DEV-2, AV-5: one device with its whole history (who recorded each event), its pre-use checks and the files
 * recorded with it: who held it then, when the file was recorded and uploaded, against which limit.
 */
export const getDevice = async ({
  ctx,
  actor,
  deviceId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  deviceId: string;
}): Promise<DeviceDetail> => {
  authorizeDeviceRead(actor);
  const device = UUID.test(deviceId) ? await findDevice(ctx.db, deviceId) : null;
  if (!device || device.agencyId !== actor.agencyId) throw new DomainError('DEVICE_NOT_FOUND', { id: deviceId });
  const [events, checks, evidence] = await Promise.all([
    listDeviceEventsWithActors(ctx.db, device.id),
    listDeviceChecks(ctx.db, device.id),
    listEvidenceOfDevice(ctx.db, device.id),
  ]);
  const names = await namesOf(ctx.db, {
    userIds: events.flatMap((e) => (e.assigneeUserId ? [e.assigneeUserId] : [])),
    sectionIds: events.flatMap((e) => (e.assigneeSectionId ? [e.assigneeSectionId] : [])),
  });
  const facts = eventFactsOf(events);
  const summary = summarizeDevice({
    actor,
    device,
    events,
    lastCheck: checks[0] ?? null,
    checkCount: checks.length,
    evidenceCount: evidence.length,
    names,
  });

  return {
    ...summary,
    events: events.map((e) => ({
      ...e,
      assignee: holderViewOf(
        e.assigneeUserId || e.assigneeSectionId ? { userId: e.assigneeUserId, sectionId: e.assigneeSectionId } : null,
        names,
      ),
    })),
    checks: checks.map((c) => ({ ...c, result: evaluateDeviceCheck(c) })),
    files: evidence.map((f) => {
      const ended = f.recordedEndedAt ?? f.recordedStartedAt;
      const late = f.uploadDueAt ? f.uploadedAt.getTime() - f.uploadDueAt.getTime() : null;

      return {
        ...f,
        holderAtRecording: holderViewOf(holderAt(facts, f.recordedStartedAt), names),
        uploadDelaySeconds: seconds(f.uploadedAt.getTime() - ended.getTime()),
        lateBySeconds: late !== null && late > 0 ? seconds(late) : null,
      };
    }),
    canSeeCases: can(actor, 'case.read'),
  };
};
