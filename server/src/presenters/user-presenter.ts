import { isCredentialValidOn } from '@liuhen/domain';
import type { CredentialRow } from '../db/repos/user-repo';
import { can } from '../policies/permissions';
import type { UserActor } from '../use-cases/context';
import type { AgencyPeople, getProfile } from '../use-cases/list-people';

// Outline's rule: presenters name every field that leaves the server; password hashes never do.
export const presentCredential = (credential: CredentialRow, today: string) => ({
  number: credential.number,
  field: credential.field,
  issuer: credential.issuer,
  validFrom: credential.validFrom,
  validTo: credential.validTo,
  isValid: isCredentialValidOn(credential, today),
});

export const presentMe = (actor: UserActor, profile: Awaited<ReturnType<typeof getProfile>>, today: string) => ({
  id: actor.userId,
  username: actor.username,
  displayName: actor.displayName,
  roles: [...actor.roles],
  agency: { id: profile.agency.id, name: profile.agency.name, shortName: profile.agency.shortName },
  section: profile.section ? { id: profile.section.id, name: profile.section.name } : null,
  credentials: profile.credentials.map((c) => presentCredential(c, today)),
  permissions: {
    canCreateCase: can(actor, 'case.create'),
    canReadCases: can(actor, 'case.read'),
    canViewPeople: can(actor, 'people.view'),
    canInspectLedger: can(actor, 'ledger.inspect'),
    canRecord: can(actor, 'case.record'),
    canAdvance: can(actor, 'case.advance'),
    canManageCalendar: can(actor, 'calendar.manage'),
    canUploadEvidence: can(actor, 'evidence.upload'),
    canDownloadEvidence: can(actor, 'evidence.download'),
    canManageDevices: can(actor, 'device.manage'),
    canCheckDevices: can(actor, 'device.check'),
    canAuditEvidence: can(actor, 'evidence.audit'),
    canDisposeEvidence: can(actor, 'evidence.dispose'),
    canManageRetention: can(actor, 'retention.manage'),
    canManageLegalHolds: can(actor, 'legal_hold.manage'),
    canConfigureEvidence: can(actor, 'evidence.configure'),
    canManageMajorCatalog: can(actor, 'review.catalog'),
    canSubmitLegalReview: can(actor, 'review.submit'),
    canDecideLegalReview: can(actor, 'review.decide'),
    canExtendLegalReview: can(actor, 'review.extend'),
    canRuleLegalReview: can(actor, 'review.rule'),
    canOverseeLegalReviews: can(actor, 'review.oversee'),
    canGenerateDocuments: can(actor, 'document.generate'),
  },
});

export const presentPeople = (people: AgencyPeople, today: string) => {
  const sectionName = new Map(people.sections.map((s) => [s.id, s.name]));

  return {
    agency: {
      id: people.agency.id,
      name: people.agency.name,
      shortName: people.agency.shortName,
      code: people.agency.code,
      level: people.agency.level,
    },
    sections: people.sections.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    users: people.users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      section: u.sectionId ? { id: u.sectionId, name: sectionName.get(u.sectionId) ?? '' } : null,
      isActive: u.isActive,
      credentials: people.credentials.filter((c) => c.userId === u.id).map((c) => presentCredential(c, today)),
    })),
  };
};
