import { recordDigest } from '../ledger/leaf';

export type CaseRecordFields = {
  id: string;
  agencyId: string;
  procedure: string;
  number: string;
  stage: string;
  source: string;
  sourceDetail: string | null;
  place: string;
  discoveredOn: string;
  summary: string;
  createdBy: string;
  createdAt: Date;
};

export type PartyRecordFields = {
  id: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
};

/**
 * The digest a case.created entry carries: the case as registered and its party. A later change
 * to either row in the database no longer matches the ledger (LEDGER-3), yet the leaf holds no personal data.
 */
export const caseRecordDigest = (record: CaseRecordFields, party: PartyRecordFields): string =>
  recordDigest({
    case: {
      id: record.id,
      agencyId: record.agencyId,
      procedure: record.procedure,
      number: record.number,
      stage: record.stage,
      source: record.source,
      sourceDetail: record.sourceDetail,
      place: record.place,
      discoveredOn: record.discoveredOn,
      summary: record.summary,
      createdBy: record.createdBy,
      createdAt: record.createdAt.toISOString(),
    },
    party: {
      id: party.id,
      kind: party.kind,
      name: party.name,
      idNumber: party.idNumber,
      creditCode: party.creditCode,
      legalRepresentative: party.legalRepresentative,
      phone: party.phone,
      address: party.address,
    },
  });
