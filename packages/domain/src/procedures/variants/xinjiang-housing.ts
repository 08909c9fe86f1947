import { cite } from '../citation';
import { PENALTY_PROCEDURE, type PenaltyStage } from '../penalty';
import type { ProcedureDefinition } from '../types';

// A local variant is data, not code: the Xinjiang housing system (S2, in force 2024-02-01) as an agency there may set it
// up, filming every statement and defence (as S3 附件2 第九条（八） does for statements hard to write down) and giving
// the party 5 working days to state and defend instead of the national default of 3.
export const XINJIANG_HOUSING_PENALTY: ProcedureDefinition<PenaltyStage> = {
  ...PENALTY_PROCEDURE,
  id: 'penalty.xinjiang-housing',
  variant: 'xinjiang-housing',
  name: '行政处罚（新疆住建系统）',
  effectiveFrom: '2024-02-01',
  citations: [...PENALTY_PROCEDURE.citations, cite('S2', '第二十七条')],
  statementPeriod: { workingDays: 5, citations: [cite('行政处罚法', '第四十四条'), cite('行政处罚法', '第四十五条')] },
  stages: PENALTY_PROCEDURE.stages.map((stage) =>
    stage.id === 'notification'
      ? {
          ...stage,
          records: stage.records.map((record) =>
            record.kind === 'statement_defence_record'
              ? { ...record, av: { level: 'required' as const, citations: [cite('S3', '附件2 第九条')] } }
              : record,
          ),
        }
      : stage,
  ),
};
