import { DomainError } from '../errors';
import type { RecordKindId } from '../records/record-kinds';
import type { CaseFacts } from './case-facts';
import { blockingFindings, evaluateCompliance, MAJOR_CASE_FIELD } from './compliance';
import type { ProcedureDefinition, TransitionDefinition } from './types';

/** A case is major when its filing or review record says so (REVIEW-1 catalog matching comes with legal review). */
export const isMajorCase = (records: readonly { content: Readonly<Record<string, unknown>> }[]): boolean =>
  records.some((r) => r.content[MAJOR_CASE_FIELD] === true);

/** PROC-1: a record may only be made in a stage whose definition lists its kind. */
export const assertRecordAllowed = (definition: ProcedureDefinition, stage: string, kind: RecordKindId): void => {
  const stageDefinition = definition.stages.find((s) => s.id === stage);
  if (!stageDefinition || stageDefinition.isTerminal) throw new DomainError('CASE_CLOSED', { stage });
  if (!stageDefinition.records.some((r) => r.kind === kind)) {
    throw new DomainError('RECORD_NOT_FOR_STAGE', { kind, stage, allowed: stageDefinition.records.map((r) => r.kind) });
  }
};

export const transitionsFrom = (
  definition: ProcedureDefinition,
  stage: string,
): readonly TransitionDefinition<string>[] => definition.transitions.filter((t) => t.from === stage);

/**
 * PROC-1, SUP-2: the stage may change only along a defined transition, and only when no blocking rule is missing or
 * broken; the refusal names every rule with its citation.
 */
export const checkTransition = (facts: CaseFacts, to: string): TransitionDefinition<string> => {
  const transition = transitionsFrom(facts.definition, facts.stage).find((t) => t.to === to);
  if (!transition) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', {
      from: facts.stage,
      to,
      allowed: transitionsFrom(facts.definition, facts.stage).map((t) => t.to),
    });
  }
  const blocking = blockingFindings(evaluateCompliance(facts));
  if (blocking.length > 0) throw new DomainError('TRANSITION_BLOCKED', { from: facts.stage, to, findings: blocking });

  return transition;
};
