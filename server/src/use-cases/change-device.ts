import {
  assertDeviceChangeAllowed,
  deviceStateOf,
  DomainError,
  validateDeviceChange,
  type DeviceChangeInput,
  type DeviceState,
} from '@liuhen/domain';
import type { Tx } from '../db/client';
import { findSectionById } from '../db/repos/agency-repo';
import { insertDeviceEvent, listDeviceEvents, lockDevice, type DeviceEventRow } from '../db/repos/device-repo';
import { findUserById } from '../db/repos/user-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { DEVICE_HOLDER_ROLES, eventFactsOf, refuseDeviceProblems, UUID } from './device-views';

/** 谁使用谁负责 (S1 第二十七条): the person must be active staff of the device's agency who uses devices; the section its own. */
const assertAssignee = async (
  tx: Tx,
  agencyId: string,
  assignee: { userId: string | null; sectionId: string | null },
): Promise<void> => {
  if (assignee.userId !== null) {
    const user = UUID.test(assignee.userId) ? await findUserById(tx, assignee.userId) : null;
    if (!user || user.agencyId !== agencyId || !user.isActive || !user.roles.some((r) => DEVICE_HOLDER_ROLES.has(r))) {
      throw new DomainError('INVALID_OFFICER', { fields: [{ field: 'assigneeUserId', code: 'INVALID_OFFICER' }] });
    }
  }
  if (assignee.sectionId !== null) {
    const section = UUID.test(assignee.sectionId) ? await findSectionById(tx, assignee.sectionId) : null;
    if (!section || section.agencyId !== agencyId) {
      refuseDeviceProblems([{ field: 'assigneeSectionId', code: 'VALIDATION_FAILED' }]);
    }
  }
};

/**
 * DEV-1: records one step of a device's life (issue to a person or section, return, maintenance, retirement) when the
 * lifecycle allows it from the device's current state, with its ledger entry, in one transaction.
 */
export const changeDevice = async ({
  ctx,
  actor,
  deviceId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  deviceId: string;
  input: DeviceChangeInput;
}): Promise<{ event: DeviceEventRow; from: DeviceState; to: DeviceState }> => {
  authorize(actor, 'device.manage');
  const { change, problems } = validateDeviceChange(input);
  if (!change) return refuseDeviceProblems(problems);
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const device = UUID.test(deviceId) ? await lockDevice(tx, deviceId) : null;
    if (!device || device.agencyId !== actor.agencyId) throw new DomainError('DEVICE_NOT_FOUND', { id: deviceId });
    const events = await listDeviceEvents(tx, device.id);
    const from = deviceStateOf(eventFactsOf(events)).state;
    assertDeviceChangeAllowed(from, change.type);
    await assertAssignee(tx, device.agencyId, { userId: change.assigneeUserId, sectionId: change.assigneeSectionId });
    const event: DeviceEventRow = {
      id: ctx.newId(),
      deviceId: device.id,
      type: change.type,
      assigneeUserId: change.assigneeUserId,
      assigneeSectionId: change.assigneeSectionId,
      note: change.note,
      actorUserId: actor.userId,
      at: now,
    };
    await insertDeviceEvent(tx, event);
    await appendLedgerEntry(tx, {
      agencyId: device.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'device.changed',
        subjectId: device.id,
        caseId: null,
        payload: {
          deviceId: device.id,
          eventId: event.id,
          type: event.type,
          assigneeUserId: event.assigneeUserId,
          assigneeSectionId: event.assigneeSectionId,
        },
      },
    });

    return { event, from, to: deviceStateOf(eventFactsOf([...events, event])).state };
  });
};
