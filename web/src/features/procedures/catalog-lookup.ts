import type { ProcedureCatalog, ProcedureDefinition, RecordKind } from '../../api/procedure-types';

/** The definition a case runs under: by its definition id, else the national one of its procedure type. */
export const findDefinition = (
  catalog: ProcedureCatalog | undefined,
  definitionId: string | undefined,
  procedureType?: string,
): ProcedureDefinition | null => {
  if (!catalog) return null;
  const byId = definitionId ? catalog.procedures.find((p) => p.id === definitionId) : undefined;
  if (byId) return byId;
  const type = procedureType ?? definitionId?.split('.')[0];

  return catalog.procedures.find((p) => p.type === type && p.variant === 'national') ?? null;
};

export const findRecordKind = (catalog: ProcedureCatalog | undefined, kind: string): RecordKind | null =>
  catalog?.recordKinds.find((k) => k.id === kind) ?? null;

export const stageName = (definition: ProcedureDefinition | null, stageId: string): string =>
  definition?.stages.find((s) => s.id === stageId)?.name ?? stageId;

export const sourceName = (definition: ProcedureDefinition | null, sourceId: string): string | null =>
  definition?.sources.find((s) => s.id === sourceId)?.name ?? null;
