import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'stable error code, e.g. INVALID_ID_NUMBER' }),
    message: Type.String({ description: 'Chinese message for the user' }),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'Error', description: '错误：code 为稳定的错误代码，message 为中文提示' },
);

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('Error')])) as Record<number, ReturnType<typeof Type.Ref>>;

export const RoleList = Type.Array(Type.String({ description: 'officer, lead_officer, section_head, ...' }));

export const CredentialSchema = Type.Object({
  number: Type.String(),
  field: Type.String(),
  issuer: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.String({ format: 'date' }),
  isValid: Type.Boolean({ description: 'valid today (China time)' }),
});

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: RoleList,
  agency: Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() }),
  section: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  credentials: Type.Array(CredentialSchema),
  permissions: Type.Object({
    canCreateCase: Type.Boolean(),
    canReadCases: Type.Boolean(),
    canViewPeople: Type.Boolean(),
    canInspectLedger: Type.Boolean(),
    canRecord: Type.Boolean(),
    canAdvance: Type.Boolean(),
    canManageCalendar: Type.Boolean(),
    canUploadEvidence: Type.Boolean(),
    canDownloadEvidence: Type.Boolean(),
    canManageDevices: Type.Boolean(),
    canCheckDevices: Type.Boolean(),
    canAuditEvidence: Type.Boolean(),
    canDisposeEvidence: Type.Boolean(),
    canManageRetention: Type.Boolean(),
    canManageLegalHolds: Type.Boolean(),
    canConfigureEvidence: Type.Boolean(),
    canManageMajorCatalog: Type.Boolean(),
    canSubmitLegalReview: Type.Boolean(),
    canDecideLegalReview: Type.Boolean(),
    canExtendLegalReview: Type.Boolean(),
    canRuleLegalReview: Type.Boolean(),
    canOverseeLegalReviews: Type.Boolean(),
    canGenerateDocuments: Type.Boolean(),
  }),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const PartyInput = Type.Object(
  {
    kind: Type.String({ description: 'person (自然人) or organization (法人或其他组织)' }),
    name: Type.String({ maxLength: 100 }),
    idNumber: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'GB 11643, for a person' }))),
    creditCode: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'GB 32100, for an organisation' }))),
    legalRepresentative: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const CreateCaseBody = Type.Object(
  {
    procedure: Type.Optional(Type.String({ description: 'penalty (default) | inspection | compulsion | licensing' })),
    source: Type.String({ description: 'complaint | inspection | transfer | own_initiative' }),
    sourceDetail: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    place: Type.String({ maxLength: 200 }),
    discoveredOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD, not after today (China time)' }),
    summary: Type.String({ maxLength: 2000 }),
    party: PartyInput,
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const CaseListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    procedure: Type.Optional(
      Type.String({ maxLength: 20, description: 'penalty | inspection | compulsion | licensing' }),
    ),
    source: Type.Optional(Type.String({ maxLength: 30 })),
    stage: Type.Optional(Type.String({ maxLength: 30 })),
    discoveredFrom: Type.Optional(Type.String({ maxLength: 10 })),
    discoveredTo: Type.Optional(Type.String({ maxLength: 10 })),
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CaseIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const CaseSummaryFields = {
  id: Type.String(),
  number: Type.String(),
  procedure: Type.String(),
  definitionId: Type.String(),
  stage: Type.String(),
  source: Type.String(),
  place: Type.String(),
  discoveredOn: Type.String({ format: 'date' }),
  summary: Type.String(),
  partyKind: Type.String(),
  partyName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.Object({ id: Type.String(), displayName: Type.String() }),
};

export const CaseSummarySchema = Type.Object(CaseSummaryFields);

export const CaseListSchema = Type.Object({
  items: Type.Array(CaseSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const TimelineEntrySchema = Type.Object({
  seq: Nullable(Type.Integer({ description: 'position in the agency ledger; null while queued (under a second)' })),
  type: Type.String({ description: 'ledger event type, e.g. case.created' }),
  occurredAt: Type.String({ format: 'date-time' }),
  actor: Nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  via: Type.String(),
  leafHash: Type.String({ description: 'RFC 6962 leaf hash, hex' }),
});

export const CaseDetailSchema = Type.Object({
  ...CaseSummaryFields,
  sourceDetail: Nullable(Type.String()),
  agency: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  party: Type.Object({
    kind: Type.String(),
    name: Type.String(),
    idNumber: Nullable(Type.String()),
    creditCode: Nullable(Type.String()),
    legalRepresentative: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  timeline: Type.Array(TimelineEntrySchema),
});

export const PeopleSchema = Type.Object({
  agency: Type.Object({
    id: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    code: Type.String(),
    level: Type.String(),
  }),
  sections: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
  users: Type.Array(
    Type.Object({
      id: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      roles: RoleList,
      section: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      isActive: Type.Boolean(),
      credentials: Type.Array(CredentialSchema),
    }),
  ),
});

export const MetaSchema = Type.Object({
  isDemo: Type.Boolean(),
  demoPassword: Nullable(Type.String()),
  demoUsers: Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), roles: RoleList })),
});

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
});

const AuditFindingSchema = Type.Object({
  kind: Type.String({
    description: 'altered-leaf, missing-entry, inserted-entry, reordered-entries, truncated-log, ...',
  }),
  seq: Type.Optional(Type.Integer()),
  size: Type.Optional(Type.Integer()),
  detail: Type.String(),
  zh: Type.Optional(Type.String()),
});

export const AuditReportSchema = Type.Object({
  id: Type.String(),
  isOk: Type.Boolean(),
  entries: Type.Integer(),
  checkpoints: Type.Integer(),
  checkpointsVerified: Type.Integer(),
  checkpointsMatching: Type.Integer(),
  treeSize: Type.Integer(),
  root: Type.String({ description: 'hex root rebuilt from the stored entries' }),
  signedSize: Type.Integer(),
  findings: Type.Array(AuditFindingSchema),
});

export const LedgerIntegritySchema = Type.Object({
  logs: Type.Array(
    Type.Object({
      agency: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
      origin: Type.String(),
      hashAlgorithm: Type.String(),
      size: Type.Integer(),
      pending: Type.Integer(),
      rootHex: Nullable(Type.String()),
      vkeys: Type.Array(Type.String()),
      checkpoint: Nullable(
        Type.Object({ size: Type.Integer(), createdAt: Type.String({ format: 'date-time' }), note: Type.String() }),
      ),
      witness: Nullable(
        Type.Object({
          agency: Type.Object({ id: Type.String(), name: Type.String() }),
          witnessedSize: Nullable(Type.Integer()),
          witnessedAt: Nullable(Type.String({ format: 'date-time' })),
          isLatestCosigned: Type.Boolean(),
        }),
      ),
      audit: Nullable(
        Type.Object({
          finishedAt: Type.String({ format: 'date-time' }),
          entries: Type.Integer(),
          checkpoints: Type.Integer(),
          isOk: Type.Boolean(),
          findings: Type.Array(AuditFindingSchema),
        }),
      ),
    }),
  ),
  alerts: Type.Array(
    Type.Object({
      id: Type.String(),
      logAgencyId: Type.String(),
      witnessAgencyId: Nullable(Type.String()),
      kind: Type.String(),
      detail: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
