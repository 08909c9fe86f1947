import type { RecordKindId } from '../records/record-kinds';
import type { Citation } from './citation';

export const PROCEDURE_TYPES = ['penalty', 'inspection', 'compulsion', 'licensing'] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

/** A fact of the case that makes a record required, or audio-video required. Evaluated against the case. */
export type Condition =
  | { type: 'source_is'; sources: readonly string[] }
  | { type: 'is_major_case' }
  | { type: 'record_present'; kind: RecordKindId }
  | { type: 'record_field'; kind: RecordKindId; field: string; equals: readonly (string | boolean)[] };

/**
 * AV-2: whether the activity a record documents must also be recorded on audio-video. 'full_length' is S2 §11's
 * whole-process recording; a condition makes it depend on the record's own content (e.g. service left at the residence).
 */
export type AvRequirement =
  | { level: 'none' | 'optional' }
  | {
      level: 'required' | 'full_length';
      when?: { field: string; equals: readonly (string | boolean)[] };
      citations: readonly Citation[];
    };

export type StageRecord = {
  kind: RecordKindId;
  requirement: 'required' | 'optional' | 'required_if';
  condition?: Condition;
  av: AvRequirement;
  citations: readonly Citation[];
};

export type StageDefinition<S extends string> = {
  id: S;
  name: string;
  citations: readonly Citation[];
  records: readonly StageRecord[];
  /** At least one record of these kinds before the stage can be left (e.g. some evidence in an investigation). */
  anyOf?: readonly { kinds: readonly RecordKindId[]; name: string; citations: readonly Citation[] }[];
  isTerminal?: boolean;
};

export type TransitionDefinition<S extends string> = {
  from: S;
  to: S;
  name: string;
  citations: readonly Citation[];
};

export type CaseSourceDefinition = { id: string; name: string; citations: readonly Citation[] };

/** PROC-1: a procedure is data. A province's variant is another value of this type with its own id and date. */
export type ProcedureDefinition<S extends string = string> = {
  id: string;
  type: ProcedureType;
  /** 'national' for the law's own procedure; a region code for a local variant. */
  variant: string;
  name: string;
  /** Definitions apply to cases registered on or after this date (行政处罚法 第三十七条: the law of the time applies). */
  effectiveFrom: string;
  citations: readonly Citation[];
  sources: readonly CaseSourceDefinition[];
  initialStage: S;
  stages: readonly StageDefinition<S>[];
  transitions: readonly TransitionDefinition<S>[];
  /** Penalty only: how long the party has to state and defend after the advance notice (行政处罚法 第四十四条, 第四十五条). */
  statementPeriod?: { workingDays: number; citations: readonly Citation[] };
};
