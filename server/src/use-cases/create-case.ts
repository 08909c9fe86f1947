import {
  caseRecordDigest,
  chinaDate,
  chinaYear,
  DomainError,
  formatCaseNumber,
  PROCEDURE_TYPES,
  procedureDefinitionFor,
  validateNewCase,
  type NewCaseInput,
  type ProcedureType,
} from '@liuhen/domain';
import { findAgencyById } from '../db/repos/agency-repo';
import { insertCase, insertCaseParty, nextCaseSequence } from '../db/repos/case-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type CreateCaseOptions = { ctx: UseCaseContext; actor: UserActor; input: NewCaseInput };

/**
 * PROC-1, PROC-2: registers a case under the procedure definition in force for the agency today (its variant, or the
 * national one), at that procedure's first stage, with its party, number and ledger entry.
 */
export const createCase = async ({ ctx, actor, input }: CreateCaseOptions): Promise<{ id: string; number: string }> => {
  authorize(actor, 'case.create');
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const procedure = input.procedure ?? 'penalty';
  if (!(PROCEDURE_TYPES as readonly string[]).includes(procedure)) {
    throw new DomainError('UNKNOWN_PROCEDURE', { fields: [{ field: 'procedure', code: 'UNKNOWN_PROCEDURE' }] });
  }
  const type = procedure as ProcedureType;
  const variant = (await findAgencyById(ctx.db, actor.agencyId))?.procedureVariant ?? 'national';
  const definition = procedureDefinitionFor({ type, variant, date: today });
  const registered = validateNewCase(
    input,
    today,
    definition.sources.map((s) => s.id),
  );

  return ctx.db.transaction(async (tx) => {
    const agency = await findAgencyById(tx, actor.agencyId);
    if (!agency) throw new DomainError('AGENCY_NOT_FOUND', { id: actor.agencyId });
    const year = chinaYear(now);
    const sequence = await nextCaseSequence(tx, { agencyId: agency.id, procedure: type, year });
    const number = formatCaseNumber({ agencyShortName: agency.shortName, procedure: type, year, sequence });
    const caseRow = {
      id: ctx.newId(),
      agencyId: agency.id,
      procedure: type,
      definitionId: definition.id,
      number,
      year,
      sequence,
      stage: definition.initialStage,
      source: registered.source,
      sourceDetail: registered.sourceDetail,
      place: registered.place,
      discoveredOn: registered.discoveredOn,
      summary: registered.summary,
      createdBy: actor.userId,
      createdAt: now,
    };
    const { party } = registered;
    const partyRow = {
      id: ctx.newId(),
      caseId: caseRow.id,
      kind: party.kind,
      name: party.name,
      idNumber: party.kind === 'person' ? party.idNumber : null,
      creditCode: party.kind === 'organization' ? party.creditCode : null,
      legalRepresentative: party.kind === 'organization' ? party.legalRepresentative : null,
      phone: party.phone,
      address: party.address,
      createdAt: now,
    };
    await insertCase(tx, caseRow);
    await insertCaseParty(tx, partyRow);
    await appendLedgerEntry(tx, {
      agencyId: agency.id,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'case.created',
        subjectId: caseRow.id,
        caseId: caseRow.id,
        payload: {
          caseId: caseRow.id,
          number,
          procedure: type,
          source: caseRow.source,
          stage: caseRow.stage,
          recordSha256: caseRecordDigest(caseRow, partyRow),
        },
      },
    });

    return { id: caseRow.id, number };
  });
};
