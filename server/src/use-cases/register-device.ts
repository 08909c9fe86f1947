import { chinaDate, DomainError, validateNewDevice, type NewDeviceInput } from '@liuhen/domain';
import {
  findDeviceBySerial,
  insertDevice,
  insertDeviceEvent,
  isSerialConflict,
  type DeviceRow,
} from '../db/repos/device-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { refuseDeviceProblems } from './device-views';

/**
 * DEV-1: registers a procured device in the agency's register (S1 第二十八条 采购、登记) with its `registered` event and
 * ledger entry; the serial number is unique within the agency.
 */
export const registerDevice = async ({
  ctx,
  actor,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  input: NewDeviceInput;
}): Promise<DeviceRow> => {
  authorize(actor, 'device.manage');
  const now = ctx.clock.now();
  const { device, problems } = validateNewDevice(input, chinaDate(now));
  if (!device) return refuseDeviceProblems(problems);

  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findDeviceBySerial(tx, actor.agencyId, device.serialNumber)) {
        throw new DomainError('DEVICE_SERIAL_TAKEN', { serialNumber: device.serialNumber });
      }
      const row: DeviceRow = {
        id: ctx.newId(),
        agencyId: actor.agencyId,
        ...device,
        createdBy: actor.userId,
        createdAt: now,
      };
      await insertDevice(tx, row);
      await insertDeviceEvent(tx, {
        id: ctx.newId(),
        deviceId: row.id,
        type: 'registered',
        assigneeUserId: null,
        assigneeSectionId: null,
        note: null,
        actorUserId: actor.userId,
        at: now,
      });
      await appendLedgerEntry(tx, {
        agencyId: actor.agencyId,
        entryId: ctx.newId(),
        actor: ledgerActorOf(actor),
        occurredAt: now,
        event: {
          type: 'device.registered',
          subjectId: row.id,
          caseId: null,
          payload: { deviceId: row.id, kind: row.kind, serialNumber: row.serialNumber },
        },
      });

      return row;
    });
  } catch (error) {
    // Two keepers registering one serial at the same moment: the unique index decides, the loser hears why.
    if (isSerialConflict(error)) throw new DomainError('DEVICE_SERIAL_TAKEN', { serialNumber: device.serialNumber });
    throw error;
  }
};
