import type { Me, Role } from '../../api/types';

/** Flags a newer /api/auth/me may carry; until it does, the roles stand in for them. */
type DevicePermissions = { canManageDevices?: boolean; canCheckDevices?: boolean };

// Mirrors 'device.manage' and 'device.check' of server/src/policies/permissions.ts; the server decides every request.
const MANAGE_ROLES: readonly Role[] = ['device_keeper', 'agency_head'];
const CHECK_ROLES: readonly Role[] = ['officer', 'lead_officer', 'section_head', 'agency_head', 'device_keeper'];

export type DeviceAccess = { canView: boolean; canManage: boolean; canCheck: boolean };

/**
 * DEV-1, AV-5: who sees the 设备管理 page and its actions. Device keepers do not read cases (ORG-4), so the page
 * cannot hang on canReadCases alone: it is shown to case readers and to those who manage devices.
 */
export const deviceAccessOf = (me: Pick<Me, 'roles' | 'permissions'>): DeviceAccess => {
  const flags = me.permissions as Me['permissions'] & DevicePermissions;
  const canManage = flags.canManageDevices ?? me.roles.some((r) => MANAGE_ROLES.includes(r));
  const canCheck = flags.canCheckDevices ?? me.roles.some((r) => CHECK_ROLES.includes(r));

  return { canView: me.permissions.canReadCases || canManage, canManage, canCheck };
};
