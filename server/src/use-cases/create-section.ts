import { DomainError, SECTION_KINDS, type SectionKind } from '@liuhen/domain';
import { findAgencyById, insertSection } from '../db/repos/agency-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { Actor, UseCaseContext } from './context';

export type CreateSectionOptions = {
  ctx: UseCaseContext;
  actor: Actor;
  input: { agencyId: string; name: string; kind: string };
};

export const createSection = async ({ ctx, actor, input }: CreateSectionOptions): Promise<{ id: string }> => {
  authorize(actor, 'people.manage');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 50) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'name', code: 'VALIDATION_FAILED' }] });
  }
  if (!(SECTION_KINDS as readonly string[]).includes(input.kind)) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'kind', code: 'VALIDATION_FAILED' }] });
  }
  if (actor.kind === 'user' && actor.agencyId !== input.agencyId) throw new DomainError('FORBIDDEN');

  return ctx.db.transaction(async (tx) => {
    if (!(await findAgencyById(tx, input.agencyId))) throw new DomainError('AGENCY_NOT_FOUND', { id: input.agencyId });
    const id = ctx.newId();
    const now = ctx.clock.now();
    const kind = input.kind as SectionKind;
    await insertSection(tx, { id, agencyId: input.agencyId, name, kind, createdAt: now });
    await appendLedgerEntry(tx, {
      agencyId: input.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'section.created',
        subjectId: id,
        caseId: null,
        payload: { sectionId: id, agencyId: input.agencyId, name, kind },
      },
    });

    return { id };
  });
};
