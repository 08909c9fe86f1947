import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../../api/types';
import { evidenceOversightAccessOf, tabOf } from './oversight-access';

const CASE_READERS: readonly Role[] = [
  'officer',
  'lead_officer',
  'section_head',
  'legal_reviewer',
  'agency_head',
  'archivist',
  'supervisor',
  'intake_clerk',
];

const meWith = (...roles: Role[]): Pick<Me, 'roles' | 'permissions'> => ({
  roles,
  permissions: {
    canCreateCase: false,
    canReadCases: roles.some((r) => CASE_READERS.includes(r)),
    canViewPeople: false,
    canInspectLedger: false,
  },
});

describe('who sees 证据监督 and which tabs (AV-6, RET-2, AV-4)', () => {
  it('gives the agency head every tab, with disposal and configuration', () => {
    expect(evidenceOversightAccessOf(meWith('agency_head'))).toEqual({
      canAudit: true,
      canDispose: true,
      canManageRetention: true,
      canConfigure: true,
      canView: true,
      tabs: ['late', 'fixity', 'disposal', 'preview', 'settings'],
    });
  });

  it('mirrors evidence.audit, retention.manage and evidence.configure of the server for the other roles', () => {
    expect(evidenceOversightAccessOf(meWith('supervisor')).tabs).toEqual(['late', 'fixity', 'settings']);
    expect(evidenceOversightAccessOf(meWith('archivist')).tabs).toEqual([
      'late',
      'fixity',
      'disposal',
      'preview',
      'settings',
    ]);
    expect(evidenceOversightAccessOf(meWith('archivist')).canDispose).toBe(false);
    expect(evidenceOversightAccessOf(meWith('legal_reviewer')).tabs).toEqual(['disposal', 'preview', 'settings']);
    expect(evidenceOversightAccessOf(meWith('lead_officer', 'officer')).tabs).toEqual([
      'disposal',
      'preview',
      'settings',
    ]);
    // The system administrator configures evidence but reads no case content (ORG-4).
    expect(evidenceOversightAccessOf(meWith('system_admin'))).toMatchObject({
      canConfigure: true,
      canView: true,
      tabs: ['settings'],
    });
  });

  it('hides the page from those with none of the four permissions', () => {
    for (const role of ['officer', 'intake_clerk', 'device_keeper', 'security_admin', 'audit_admin'] as const) {
      expect(evidenceOversightAccessOf(meWith(role)), role).toMatchObject({ canView: false, tabs: [] });
    }
  });

  it('prefers the flags of a server that sends them', () => {
    const me = meWith('officer');
    const flags = { ...me.permissions, canAuditEvidence: true } as Me['permissions'];
    expect(evidenceOversightAccessOf({ roles: me.roles, permissions: flags }).tabs).toEqual([
      'late',
      'fixity',
      'settings',
    ]);
    const head = meWith('agency_head');
    const off = { ...head.permissions, canDisposeEvidence: false, canConfigureEvidence: false } as Me['permissions'];
    expect(evidenceOversightAccessOf({ roles: head.roles, permissions: off })).toMatchObject({
      canDispose: false,
      canConfigure: false,
      canManageRetention: true,
    });
  });
});

describe('the tab in the address', () => {
  it('opens the named tab only when the user may, else the first allowed one', () => {
    const supervisor = evidenceOversightAccessOf(meWith('supervisor'));
    expect(tabOf('fixity', supervisor)).toBe('fixity');
    expect(tabOf('disposal', supervisor)).toBe('late');
    expect(tabOf(null, supervisor)).toBe('late');
    expect(tabOf('late', evidenceOversightAccessOf(meWith('system_admin')))).toBe('settings');
    expect(tabOf('late', evidenceOversightAccessOf(meWith('officer')))).toBeNull();
  });
});
