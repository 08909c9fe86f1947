import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { evidenceOversightAccessOf, tabOf } from './oversight-access';

type Flags = Partial<
  Pick<
    Me['permissions'],
    'canReadCases' | 'canAuditEvidence' | 'canDisposeEvidence' | 'canManageRetention' | 'canConfigureEvidence'
  >
>;

// The flags GET /api/auth/me sends for each demo role (server/src/policies/permissions.ts decides them).
const meWith = (flags: Flags): Pick<Me, 'permissions'> => ({
  permissions: {
    canCreateCase: false,
    canReadCases: flags.canReadCases ?? true,
    canViewPeople: false,
    canInspectLedger: false,
    ...flags,
  },
});
const HEAD = meWith({
  canAuditEvidence: true,
  canDisposeEvidence: true,
  canManageRetention: true,
  canConfigureEvidence: true,
});
const SUPERVISOR = meWith({ canAuditEvidence: true });
const ARCHIVIST = meWith({ canAuditEvidence: true, canManageRetention: true });
const LEGAL = meWith({ canManageRetention: true });
const SYSTEM_ADMIN = meWith({ canReadCases: false, canConfigureEvidence: true });
const OFFICER = meWith({});

describe('who sees 证据监督 and which tabs (AV-6, RET-2, AV-4)', () => {
  it('gives the agency head every tab, with disposal and configuration', () => {
    expect(evidenceOversightAccessOf(HEAD)).toEqual({
      canAudit: true,
      canDispose: true,
      canManageRetention: true,
      canConfigure: true,
      canView: true,
      tabs: ['late', 'fixity', 'disposal', 'preview', 'settings'],
    });
  });

  it('follows the server flags for the other roles', () => {
    expect(evidenceOversightAccessOf(SUPERVISOR).tabs).toEqual(['late', 'fixity', 'settings']);
    expect(evidenceOversightAccessOf(ARCHIVIST).tabs).toEqual(['late', 'fixity', 'disposal', 'preview', 'settings']);
    expect(evidenceOversightAccessOf(ARCHIVIST).canDispose).toBe(false);
    expect(evidenceOversightAccessOf(LEGAL).tabs).toEqual(['disposal', 'preview', 'settings']);
    // The system administrator configures evidence but reads no case content (ORG-4).
    expect(evidenceOversightAccessOf(SYSTEM_ADMIN)).toMatchObject({
      canConfigure: true,
      canView: true,
      tabs: ['settings'],
    });
  });

  it('hides the page from those with none of the four permissions, and when a flag is missing', () => {
    expect(evidenceOversightAccessOf(OFFICER)).toMatchObject({ canView: false, tabs: [] });
  });
});

describe('the tab in the address', () => {
  it('opens the named tab only when the user may, else the first allowed one', () => {
    const supervisor = evidenceOversightAccessOf(SUPERVISOR);
    expect(tabOf('fixity', supervisor)).toBe('fixity');
    expect(tabOf('disposal', supervisor)).toBe('late');
    expect(tabOf(null, supervisor)).toBe('late');
    expect(tabOf('late', evidenceOversightAccessOf(SYSTEM_ADMIN))).toBe('settings');
    expect(tabOf('late', evidenceOversightAccessOf(OFFICER))).toBeNull();
  });
});
