// ORG-4: roles of an agency's staff, plus the separated administrator triad (三员分立).
export const ROLES = [
  'officer',
  'lead_officer',
  'section_head',
  'legal_reviewer',
  'agency_head',
  'deputy_head',
  'archivist',
  'supervisor',
  'device_keeper',
  'intake_clerk',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

// ORG-4: the triad manages the system but must not read case content by default.
export const ADMINISTRATOR_TRIAD: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const AGENCY_LEVELS = ['region', 'city', 'county'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const SECTION_KINDS = ['enforcement', 'legal', 'office', 'other'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
