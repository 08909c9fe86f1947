import { ROLES, type Role } from '@liuhen/domain';
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../use-cases/context';
import { can, PERMISSIONS, type Permission } from './permissions';

const actorWith = (role: Role): UserActor => ({
  kind: 'user',
  userId: 'u',
  username: 'u',
  displayName: 'u',
  agencyId: 'a',
  sectionId: null,
  roles: [role],
  credentialNumber: null,
  sessionId: 's',
});

// The full matrix, written out so that a change of policy shows up as a change of this table.
const EXPECTED: Record<Permission, Role[]> = {
  'case.create': ['officer', 'lead_officer', 'section_head', 'agency_head', 'intake_clerk'],
  'case.read': [
    'officer',
    'lead_officer',
    'section_head',
    'legal_reviewer',
    'agency_head',
    'deputy_head',
    'archivist',
    'supervisor',
    'intake_clerk',
  ],
  'case.record': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
  'case.advance': ['officer', 'lead_officer', 'section_head', 'agency_head', 'intake_clerk'],
  'people.view': ['section_head', 'agency_head', 'supervisor', 'system_admin', 'security_admin', 'audit_admin'],
  'people.manage': ['system_admin'],
  'ledger.inspect': ['agency_head', 'supervisor', 'security_admin', 'audit_admin'],
  'calendar.manage': ['system_admin'],
  'evidence.upload': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
  'evidence.download': ['section_head', 'agency_head', 'archivist', 'supervisor'],
  'device.manage': ['agency_head', 'device_keeper'],
  'device.check': ['officer', 'lead_officer', 'section_head', 'agency_head', 'device_keeper'],
  'retention.manage': ['lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'archivist'],
  'legal_hold.manage': ['legal_reviewer', 'agency_head', 'archivist'],
  'evidence.dispose': ['agency_head'],
  'evidence.audit': ['section_head', 'agency_head', 'archivist', 'supervisor'],
  'evidence.configure': ['agency_head', 'system_admin'],
  'review.catalog': ['legal_reviewer', 'agency_head'],
  'review.submit': ['officer', 'lead_officer', 'section_head', 'agency_head'],
  'review.decide': ['legal_reviewer'],
  'review.extend': ['deputy_head', 'agency_head'],
  'review.rule': ['agency_head'],
  'review.oversee': ['legal_reviewer', 'supervisor', 'agency_head', 'deputy_head'],
  'document.generate': ['officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'intake_clerk'],
};

describe('permission matrix (ORG-4, SEC-2)', () => {
  for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
    it(`${permission}`, () => {
      const allowed = ROLES.filter((role) => can(actorWith(role), permission));
      expect(allowed.sort()).toEqual([...EXPECTED[permission]].sort());
    });
  }

  it('keeps the administrator triad away from case content (ORG-4)', () => {
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      expect(can(actorWith(role), 'case.read')).toBe(false);
      expect(can(actorWith(role), 'case.create')).toBe(false);
    }
  });

  it('lets the seed and admin command act', () => {
    expect(can({ kind: 'system', via: 'cli' }, 'people.manage')).toBe(true);
  });
});
