import { COMPULSION_PROCEDURE } from './compulsion';
import { INSPECTION_PROCEDURE } from './inspection';
import { LICENSING_PROCEDURE } from './licensing';
import { PENALTY_PROCEDURE } from './penalty';
import type { ProcedureDefinition, ProcedureType } from './types';
import { XINJIANG_HOUSING_PENALTY } from './variants/xinjiang-housing';

// PROC-1: every definition the system knows. A province's variant is one more entry here, in its own data file.
export const PROCEDURE_DEFINITIONS: readonly ProcedureDefinition[] = [
  PENALTY_PROCEDURE,
  INSPECTION_PROCEDURE,
  COMPULSION_PROCEDURE,
  LICENSING_PROCEDURE,
  XINJIANG_HOUSING_PENALTY,
];

export const findProcedureDefinition = (id: string): ProcedureDefinition | null =>
  PROCEDURE_DEFINITIONS.find((d) => d.id === id) ?? null;

/**
 * The definition in force for a case registered on `date`: the agency's variant if it has one in force, else the
 * national one. Among several in force, the most recent effective date wins.
 */
export const procedureDefinitionFor = (options: {
  type: ProcedureType;
  variant: string;
  date: string;
}): ProcedureDefinition => {
  const inForce = (variant: string) =>
    PROCEDURE_DEFINITIONS.filter(
      (d) => d.type === options.type && d.variant === variant && d.effectiveFrom <= options.date,
    ).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const definition = inForce(options.variant) ?? inForce('national');
  if (!definition) throw new Error(`no ${options.type} procedure is in force on ${options.date}`);

  return definition;
};

export const stageOf = (definition: ProcedureDefinition, stage: string) =>
  definition.stages.find((s) => s.id === stage) ?? null;
