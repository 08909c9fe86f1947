import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { deviceAccessOf } from './device-access';

const permissions: Me['permissions'] = {
  canCreateCase: false,
  canReadCases: false,
  canViewPeople: false,
  canInspectLedger: false,
};

describe('who sees the device register (DEV-1, AV-5)', () => {
  it('shows it to device keepers, who read no cases, and to officers, who check their devices', () => {
    expect(deviceAccessOf({ roles: ['device_keeper'], permissions })).toEqual({
      canView: true,
      canManage: true,
      canCheck: true,
    });
    expect(deviceAccessOf({ roles: ['officer'], permissions: { ...permissions, canReadCases: true } })).toEqual({
      canView: true,
      canManage: false,
      canCheck: true,
    });
    expect(deviceAccessOf({ roles: ['legal_reviewer'], permissions: { ...permissions, canReadCases: true } })).toEqual({
      canView: true,
      canManage: false,
      canCheck: false,
    });
    expect(deviceAccessOf({ roles: ['system_admin'], permissions }).canView).toBe(false);
  });

  it('prefers the flags of a server that sends them', () => {
    const flags = { ...permissions, canManageDevices: false, canCheckDevices: false } as Me['permissions'];
    expect(deviceAccessOf({ roles: ['device_keeper'], permissions: flags })).toEqual({
      canView: false,
      canManage: false,
      canCheck: false,
    });
  });
});
