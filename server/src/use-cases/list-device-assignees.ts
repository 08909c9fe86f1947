import { listSections } from '../db/repos/agency-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { DEVICE_HOLDER_ROLES } from './device-views';

export type DeviceAssignees = {
  users: { id: string; displayName: string; sectionId: string | null }[];
  sections: { id: string; name: string }[];
};

/** DEV-1: whom a device keeper may issue a device to: active staff who use devices, and the agency's sections. */
export const listDeviceAssignees = async ({
  ctx,
  actor,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
}): Promise<DeviceAssignees> => {
  authorize(actor, 'device.manage');
  const [users, sections] = await Promise.all([
    listUsersOfAgency(ctx.db, actor.agencyId),
    listSections(ctx.db, actor.agencyId),
  ]);

  return {
    users: users
      .filter((u) => u.isActive && u.roles.some((r) => DEVICE_HOLDER_ROLES.has(r)))
      .map((u) => ({ id: u.id, displayName: u.displayName, sectionId: u.sectionId })),
    sections: sections.map((s) => ({ id: s.id, name: s.name })),
  };
};
