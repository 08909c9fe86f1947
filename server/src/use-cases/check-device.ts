import {
  DEVICE_CHECKABLE_STATES,
  DEVICE_STATES,
  deviceStateOf,
  DomainError,
  evaluateDeviceCheck,
  mayCheckDevice,
  validateDeviceCheck,
  type DeviceCheckInput,
  type DeviceCheckResult,
} from '@liuhen/domain';
import {
  findCaseRef,
  insertDeviceCheck,
  listDeviceEvents,
  lockDevice,
  type DeviceCheckRow,
} from '../db/repos/device-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { eventFactsOf, isDeviceKeeper, refuseDeviceProblems, UUID } from './device-views';

/**
 * AV-5: logs the check of a device before field work (S2 第十四条, S3 附件2 第十三条): battery, free storage and the
 * clock's offset. A failed check is logged too, with the items at fault: it shows the device was looked at and why it
 * stayed behind. Only a device in stock or issued is checked, by whoever answers for it (S1 第二十七条).
 */
export const checkDevice = async ({
  ctx,
  actor,
  deviceId,
  input,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  deviceId: string;
  input: DeviceCheckInput;
}): Promise<{ check: DeviceCheckRow; result: DeviceCheckResult }> => {
  authorize(actor, 'device.check');
  const problems = validateDeviceCheck(input);
  const caseId = input.caseId?.trim() || null;
  if (caseId !== null && !UUID.test(caseId)) problems.push({ field: 'caseId', code: 'VALIDATION_FAILED' });
  if (problems.length > 0) refuseDeviceProblems(problems);
  const result = evaluateDeviceCheck(input);
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    // Locked so a retirement or a return cannot slip in between the state read and the check.
    const device = UUID.test(deviceId) ? await lockDevice(tx, deviceId) : null;
    if (!device || device.agencyId !== actor.agencyId) throw new DomainError('DEVICE_NOT_FOUND', { id: deviceId });
    const status = deviceStateOf(eventFactsOf(await listDeviceEvents(tx, device.id)));
    if (!DEVICE_CHECKABLE_STATES.includes(status.state)) {
      throw new DomainError('DEVICE_CHANGE_NOT_ALLOWED', {
        state: status.state,
        type: 'check',
        allowed: [],
        reason: `设备${DEVICE_STATES[status.state]}，不能用于执法，无须进行使用前检查`,
      });
    }
    if (
      !mayCheckDevice(status, { userId: actor.userId, sectionId: actor.sectionId, isKeeper: isDeviceKeeper(actor) })
    ) {
      throw new DomainError('FORBIDDEN', { permission: 'device.check', reason: 'not_holder' });
    }
    if (caseId !== null) {
      const found = await findCaseRef(tx, caseId);
      if (!found || found.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    }
    const check: DeviceCheckRow = {
      id: ctx.newId(),
      deviceId: device.id,
      caseId,
      batteryPercent: input.batteryPercent,
      freeStorageMb: input.freeStorageMb,
      clockOffsetSeconds: input.clockOffsetSeconds,
      isReady: result.isReady,
      note: input.note?.trim() || null,
      checkedBy: actor.userId,
      checkedAt: now,
    };
    await insertDeviceCheck(tx, check);
    await appendLedgerEntry(tx, {
      agencyId: device.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'device.checked',
        subjectId: device.id,
        caseId,
        payload: { deviceId: device.id, checkId: check.id, isReady: check.isReady },
      },
    });

    return { check, result };
  });
};
