import { toHex } from '@liuhen/domain';
import type { CaseListRow } from '../db/repos/case-repo';
import type { CaseDetail } from '../use-cases/view-case';

const VIA = new Set(['web', 'cli', 'seed', 'system']);

const viaOf = (leaf: Uint8Array): string => {
  // The channel is part of the signed leaf; reading it back keeps the timeline honest to the ledger.
  const parsed = JSON.parse(new TextDecoder().decode(leaf)) as { actor?: { via?: string } };
  const via = parsed.actor?.via ?? 'web';

  return VIA.has(via) ? via : 'web';
};

export const presentCaseSummary = (row: CaseListRow) => ({
  id: row.id,
  number: row.number,
  procedure: row.procedure,
  definitionId: row.definitionId,
  stage: row.stage,
  source: row.source,
  place: row.place,
  discoveredOn: row.discoveredOn,
  summary: row.summary,
  partyKind: row.partyKind,
  partyName: row.partyName,
  createdAt: row.createdAt.toISOString(),
  createdBy: { id: row.createdBy, displayName: row.createdByName },
});

export const presentCaseDetail = (detail: CaseDetail) => {
  const party = detail.parties[0]!;

  return {
    ...presentCaseSummary({
      ...detail.case,
      partyKind: party.kind,
      partyName: party.name,
      createdByName: detail.createdByName,
    }),
    sourceDetail: detail.case.sourceDetail,
    agency: detail.agency,
    party: {
      kind: party.kind,
      name: party.name,
      idNumber: party.idNumber,
      creditCode: party.creditCode,
      legalRepresentative: party.legalRepresentative,
      phone: party.phone,
      address: party.address,
    },
    timeline: detail.timeline.map((entry) => ({
      seq: entry.seq,
      type: entry.type,
      occurredAt: entry.occurredAt.toISOString(),
      actor: entry.actorUserId ? { id: entry.actorUserId, displayName: entry.actorDisplayName ?? '' } : null,
      via: viaOf(entry.leaf),
      leafHash: toHex(entry.leafHash),
    })),
  };
};
