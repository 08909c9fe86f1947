export type Role =
  | 'officer'
  | 'lead_officer'
  | 'section_head'
  | 'legal_reviewer'
  | 'agency_head'
  | 'archivist'
  | 'supervisor'
  | 'device_keeper'
  | 'intake_clerk'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export type CaseSource = 'complaint' | 'inspection' | 'transfer' | 'own_initiative';

export type PartyKind = 'person' | 'organization';

export type Credential = {
  number: string;
  field: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  isValid: boolean;
};

export type Me = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  agency: { id: string; name: string; shortName: string };
  section: { id: string; name: string } | null;
  credentials: Credential[];
  permissions: { canCreateCase: boolean; canReadCases: boolean; canViewPeople: boolean };
};

export type DemoUser = { username: string; displayName: string; roles: Role[] };

export type Meta = { isDemo: boolean; demoPassword: string | null; demoUsers: DemoUser[] };

export type ActorRef = { id: string; displayName: string };

export type CaseSummary = {
  id: string;
  number: string;
  procedure: string;
  stage: string;
  source: CaseSource;
  place: string;
  discoveredOn: string;
  summary: string;
  partyKind: PartyKind;
  partyName: string;
  createdAt: string;
  createdBy: ActorRef;
};

export type CaseParty = {
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
};

export type TimelineEntry = {
  seq: number;
  type: string;
  occurredAt: string;
  actor: ActorRef | null;
  via: 'web' | 'cli' | 'seed';
  leafHash: string;
};

export type CaseDetail = CaseSummary & {
  sourceDetail: string | null;
  agency: { id: string; name: string };
  party: CaseParty;
  timeline: TimelineEntry[];
};

export type CasePage = { items: CaseSummary[]; total: number; page: number; pageSize: number };

export type NewPersonParty = {
  kind: 'person';
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
};

export type NewOrganizationParty = {
  kind: 'organization';
  name: string;
  creditCode: string;
  legalRepresentative: string;
  phone: string | null;
  address: string | null;
};

export type NewCaseRequest = {
  source: CaseSource;
  sourceDetail: string | null;
  place: string;
  discoveredOn: string;
  summary: string;
  party: NewPersonParty | NewOrganizationParty;
};

export type AgencyLevel = 'region' | 'city' | 'county';

export type SectionKind = 'enforcement' | 'legal' | 'office' | 'other';

export type PeopleUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  section: { id: string; name: string } | null;
  isActive: boolean;
  credentials: Credential[];
};

export type People = {
  agency: { id: string; name: string; shortName: string; code: string; level: AgencyLevel };
  sections: { id: string; name: string; kind: SectionKind }[];
  users: PeopleUser[];
};

export type FieldError = { field: string; code: string; message: string };
