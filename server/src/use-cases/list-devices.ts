import { DEVICE_STATE_IDS, type DeviceState } from '@liuhen/domain';
import {
  countChecksOfAgencyDevices,
  countEvidenceOfAgencyDevices,
  listDevicesOfAgency,
  listEventsOfAgencyDevices,
  listLastChecksOfAgency,
  namesOf,
  type DeviceEventRow,
} from '../db/repos/device-repo';
import { can } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { authorizeDeviceRead, isDeviceKeeper, summarizeDevice, type DeviceSummary } from './device-views';

export type DeviceListQuery = {
  /** `me`: the devices issued to the actor or the actor's section, e.g. to pick one in the upload form. */
  holder?: 'me' | null;
};

export type DeviceRegister = {
  devices: DeviceSummary[];
  /** Over the whole register, whatever the filter. */
  counts: Record<DeviceState, number> & { total: number };
  permissions: { canManage: boolean; canCheck: boolean };
};

const byDevice = <T extends { deviceId: string }>(rows: readonly T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.deviceId, [...(map.get(row.deviceId) ?? []), row]);

  return map;
};

/**
 * DEV-1, DEV-2: the agency's device register: each device's state and holder (folded from its events), its newest
 * pre-use check and how many checks and files it has, in five queries whatever the number of devices.
 */
export const listDevices = async ({
  ctx,
  actor,
  query,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  query: DeviceListQuery;
}): Promise<DeviceRegister> => {
  authorizeDeviceRead(actor);
  const [devices, events, lastChecks, checkCounts, evidenceCounts] = await Promise.all([
    listDevicesOfAgency(ctx.db, actor.agencyId),
    listEventsOfAgencyDevices(ctx.db, actor.agencyId),
    listLastChecksOfAgency(ctx.db, actor.agencyId),
    countChecksOfAgencyDevices(ctx.db, actor.agencyId),
    countEvidenceOfAgencyDevices(ctx.db, actor.agencyId),
  ]);
  const eventsOf = byDevice<DeviceEventRow>(events);
  const lastCheckOf = new Map(lastChecks.map((c) => [c.deviceId, c]));
  const checkCountOf = new Map(checkCounts.map((c) => [c.deviceId, c.n]));
  const evidenceCountOf = new Map(evidenceCounts.map((c) => [c.deviceId, c.n]));
  const holders = events.filter((e) => e.type === 'assigned');
  const names = await namesOf(ctx.db, {
    userIds: holders.flatMap((e) => (e.assigneeUserId ? [e.assigneeUserId] : [])),
    sectionIds: holders.flatMap((e) => (e.assigneeSectionId ? [e.assigneeSectionId] : [])),
  });

  const all = devices.map((device) =>
    summarizeDevice({
      actor,
      device,
      events: eventsOf.get(device.id) ?? [],
      lastCheck: lastCheckOf.get(device.id) ?? null,
      checkCount: checkCountOf.get(device.id) ?? 0,
      evidenceCount: evidenceCountOf.get(device.id) ?? 0,
      names,
    }),
  );
  const counts = Object.fromEntries(DEVICE_STATE_IDS.map((s) => [s, 0])) as Record<DeviceState, number>;
  for (const summary of all) counts[summary.status.state] += 1;
  const isMine = (s: DeviceSummary) =>
    s.status.state === 'assigned' &&
    (s.status.holder?.userId === actor.userId ||
      (s.status.holder?.userId === null &&
        s.status.holder.sectionId !== null &&
        s.status.holder.sectionId === actor.sectionId));

  return {
    devices: query.holder === 'me' ? all.filter(isMine) : all,
    counts: { ...counts, total: all.length },
    permissions: { canManage: isDeviceKeeper(actor), canCheck: can(actor, 'device.check') },
  };
};
