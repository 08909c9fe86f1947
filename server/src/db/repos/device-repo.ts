import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../client';
import { cases, deviceChecks, deviceEvents, devices, evidenceItems, sections, users } from '../schema';

export type DeviceRow = typeof devices.$inferSelect;
export type DeviceEventRow = typeof deviceEvents.$inferSelect;
export type DeviceCheckRow = typeof deviceChecks.$inferSelect;

// DEV-1: devices, their events and checks are append-only (migration 0008): only inserts here, never updates.

export const insertDevice = async (tx: Tx, row: DeviceRow): Promise<void> => {
  await tx.insert(devices).values(row);
};

export const insertDeviceEvent = async (tx: Tx, row: DeviceEventRow): Promise<void> => {
  await tx.insert(deviceEvents).values(row);
};

export const insertDeviceCheck = async (tx: Tx, row: DeviceCheckRow): Promise<void> => {
  await tx.insert(deviceChecks).values(row);
};

export const findDevice = async (db: Executor, id: string): Promise<DeviceRow | null> => {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));

  return row ?? null;
};

/** Locks the device row for the rest of the transaction, so two keepers cannot both issue it from stock. */
export const lockDevice = async (tx: Tx, id: string): Promise<DeviceRow | null> => {
  const [row] = await tx.select().from(devices).where(eq(devices.id, id)).for('update');

  return row ?? null;
};

export const findDeviceBySerial = async (
  db: Executor,
  agencyId: string,
  serialNumber: string,
): Promise<DeviceRow | null> => {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.agencyId, agencyId), eq(devices.serialNumber, serialNumber)));

  return row ?? null;
};

/** True when an insert lost a race for `devices_agency_serial_key` (the lookup before it found nothing). */
export const isSerialConflict = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, message } = e as { code?: string; constraint?: string; message?: string };
    if (
      code === '23505' &&
      (constraint === 'devices_agency_serial_key' || /devices_agency_serial_key/.test(message ?? ''))
    )
      return true;
  }

  return false;
};

export const listDevicesOfAgency = async (db: Executor, agencyId: string): Promise<DeviceRow[]> =>
  db.select().from(devices).where(eq(devices.agencyId, agencyId)).orderBy(asc(devices.createdAt), asc(devices.id));

/** Every event of the agency's devices, in the order each device's state is folded from. */
export const listEventsOfAgencyDevices = async (db: Executor, agencyId: string): Promise<DeviceEventRow[]> =>
  db
    .select({ event: deviceEvents })
    .from(deviceEvents)
    .innerJoin(devices, eq(devices.id, deviceEvents.deviceId))
    .where(eq(devices.agencyId, agencyId))
    .orderBy(asc(deviceEvents.deviceId), asc(deviceEvents.at), asc(deviceEvents.id))
    .then((rows) => rows.map((r) => r.event));

export const listDeviceEvents = async (db: Executor, deviceId: string): Promise<DeviceEventRow[]> =>
  db
    .select()
    .from(deviceEvents)
    .where(eq(deviceEvents.deviceId, deviceId))
    .orderBy(asc(deviceEvents.at), asc(deviceEvents.id));

export type LastCheckRow = DeviceCheckRow & { checkedByName: string };

/** The newest check of each of the agency's devices, with who made it. */
export const listLastChecksOfAgency = async (db: Executor, agencyId: string): Promise<LastCheckRow[]> =>
  db
    .selectDistinctOn([deviceChecks.deviceId], { check: deviceChecks, checkedByName: users.displayName })
    .from(deviceChecks)
    .innerJoin(devices, eq(devices.id, deviceChecks.deviceId))
    .innerJoin(users, eq(users.id, deviceChecks.checkedBy))
    .where(eq(devices.agencyId, agencyId))
    .orderBy(asc(deviceChecks.deviceId), desc(deviceChecks.checkedAt), desc(deviceChecks.id))
    .then((rows) => rows.map((r) => ({ ...r.check, checkedByName: r.checkedByName })));

export type DeviceCounts = { deviceId: string; n: number };

export const countChecksOfAgencyDevices = async (db: Executor, agencyId: string): Promise<DeviceCounts[]> =>
  db
    .select({ deviceId: deviceChecks.deviceId, n: count() })
    .from(deviceChecks)
    .innerJoin(devices, eq(devices.id, deviceChecks.deviceId))
    .where(eq(devices.agencyId, agencyId))
    .groupBy(deviceChecks.deviceId);

export const countEvidenceOfAgencyDevices = async (db: Executor, agencyId: string): Promise<DeviceCounts[]> =>
  db
    .select({ deviceId: devices.id, n: count() })
    .from(evidenceItems)
    .innerJoin(devices, eq(devices.id, evidenceItems.deviceId))
    .where(eq(devices.agencyId, agencyId))
    .groupBy(devices.id);

export type DeviceCheckView = DeviceCheckRow & { checkedByName: string; caseNumber: string | null };

/** AV-5, DEV-2: a device's checks, newest first, with who checked it and for which case. */
export const listDeviceChecks = async (db: Executor, deviceId: string): Promise<DeviceCheckView[]> =>
  db
    .select({ check: deviceChecks, checkedByName: users.displayName, caseNumber: cases.number })
    .from(deviceChecks)
    .innerJoin(users, eq(users.id, deviceChecks.checkedBy))
    .leftJoin(cases, eq(cases.id, deviceChecks.caseId))
    .where(eq(deviceChecks.deviceId, deviceId))
    .orderBy(desc(deviceChecks.checkedAt), desc(deviceChecks.id))
    .then((rows) => rows.map((r) => ({ ...r.check, checkedByName: r.checkedByName, caseNumber: r.caseNumber })));

export type DeviceEvidenceRow = {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  filename: string;
  recordedStartedAt: Date;
  recordedEndedAt: Date | null;
  officers: unknown;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  uploadDueAt: Date | null;
};

/** DEV-2: the files recorded with a device, newest recording first, with their case and uploader. */
export const listEvidenceOfDevice = async (db: Executor, deviceId: string): Promise<DeviceEvidenceRow[]> =>
  db
    .select({
      id: evidenceItems.id,
      caseId: evidenceItems.caseId,
      caseNumber: cases.number,
      kind: evidenceItems.kind,
      filename: evidenceItems.filename,
      recordedStartedAt: evidenceItems.recordedStartedAt,
      recordedEndedAt: evidenceItems.recordedEndedAt,
      officers: evidenceItems.officers,
      uploadedBy: evidenceItems.uploadedBy,
      uploadedByName: users.displayName,
      uploadedAt: evidenceItems.uploadedAt,
      uploadDueAt: evidenceItems.uploadDueAt,
    })
    .from(evidenceItems)
    .innerJoin(cases, eq(cases.id, evidenceItems.caseId))
    .innerJoin(users, eq(users.id, evidenceItems.uploadedBy))
    .where(eq(evidenceItems.deviceId, deviceId))
    .orderBy(desc(evidenceItems.recordedStartedAt), desc(evidenceItems.id));

const actors = alias(users, 'actors');

export type DeviceEventView = DeviceEventRow & { actorName: string };

/** DEV-1: a device's history with the name of whoever recorded each event. */
export const listDeviceEventsWithActors = async (db: Executor, deviceId: string): Promise<DeviceEventView[]> =>
  db
    .select({ event: deviceEvents, actorName: actors.displayName })
    .from(deviceEvents)
    .innerJoin(actors, eq(actors.id, deviceEvents.actorUserId))
    .where(eq(deviceEvents.deviceId, deviceId))
    .orderBy(asc(deviceEvents.at), asc(deviceEvents.id))
    .then((rows) => rows.map((r) => ({ ...r.event, actorName: r.actorName })));

export const findCaseRef = async (
  db: Executor,
  caseId: string,
): Promise<{ id: string; agencyId: string; number: string } | null> => {
  const [row] = await db
    .select({ id: cases.id, agencyId: cases.agencyId, number: cases.number })
    .from(cases)
    .where(eq(cases.id, caseId));

  return row ?? null;
};

/** Display names of people and sections a device register names (holders, assignees). */
export const namesOf = async (
  db: Executor,
  ids: { userIds: string[]; sectionIds: string[] },
): Promise<{ users: Map<string, string>; sections: Map<string, string> }> => {
  const userIds = [...new Set(ids.userIds)];
  const sectionIds = [...new Set(ids.sectionIds)];
  const userRows = userIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const sectionRows = sectionIds.length
    ? await db.select({ id: sections.id, name: sections.name }).from(sections).where(inArray(sections.id, sectionIds))
    : [];

  return {
    users: new Map(userRows.map((r) => [r.id, r.name])),
    sections: new Map(sectionRows.map((r) => [r.id, r.name])),
  };
};

/** Row counts of the register's tables, for tests that prove a refusal wrote nothing. */
export const countDeviceRows = async (db: Executor): Promise<{ devices: number; events: number; checks: number }> => {
  const [d] = await db.select({ n: count() }).from(devices);
  const [e] = await db.select({ n: count() }).from(deviceEvents);
  const [c] = await db.select({ n: count() }).from(deviceChecks);

  return { devices: d!.n, events: e!.n, checks: c!.n };
};
