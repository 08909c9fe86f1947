import { DomainError } from '@liuhen/domain';
import { findAgencyById, listSections, type AgencyRow, type SectionRow } from '../db/repos/agency-repo';
import {
  listCredentialsOfUsers,
  listUsersOfAgency,
  type CredentialRow,
  type UserWithRoles,
} from '../db/repos/user-repo';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type AgencyPeople = {
  agency: AgencyRow;
  sections: SectionRow[];
  users: UserWithRoles[];
  credentials: CredentialRow[];
};

/** ORG-1, ORG-2, ORG-4: the actor's agency, its sections, staff, roles and credentials. */
export const listPeople = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }): Promise<AgencyPeople> => {
  authorize(actor, 'people.view');
  const agency = await findAgencyById(ctx.db, actor.agencyId);
  if (!agency) throw new DomainError('AGENCY_NOT_FOUND', { id: actor.agencyId });
  const [sections, users] = [await listSections(ctx.db, agency.id), await listUsersOfAgency(ctx.db, agency.id)];
  const credentials = await listCredentialsOfUsers(
    ctx.db,
    users.map((u) => u.id),
  );

  return { agency, sections, users, credentials };
};

/** The signed-in user's own profile, for the page header and the client's menus. */
export const getProfile = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  const agency = await findAgencyById(ctx.db, actor.agencyId);
  if (!agency) throw new DomainError('AGENCY_NOT_FOUND', { id: actor.agencyId });
  const sections = await listSections(ctx.db, agency.id);
  const credentials = await listCredentialsOfUsers(ctx.db, [actor.userId]);

  return { agency, section: sections.find((s) => s.id === actor.sectionId) ?? null, credentials };
};

// Credential holders who can be named as the officers of a record (ORG-2).
const OFFICER_ROLES = ['officer', 'lead_officer', 'section_head', 'agency_head', 'legal_reviewer'];

/** ORG-2, ORG-3: the agency's officers and whether each holds a credential valid today, for choosing a record's officers. */
export const listOfficers = async ({ ctx, actor }: { ctx: UseCaseContext; actor: UserActor }) => {
  authorize(actor, 'case.read');
  const users = (await listUsersOfAgency(ctx.db, actor.agencyId)).filter(
    (u) => u.isActive && u.roles.some((r) => OFFICER_ROLES.includes(r)),
  );
  const credentials = await listCredentialsOfUsers(
    ctx.db,
    users.map((u) => u.id),
  );

  return { users, credentials };
};
