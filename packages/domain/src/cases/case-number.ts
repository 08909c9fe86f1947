import type { ProcedureType } from '../procedures/types';

// The mark in the case number tells the procedure at a glance: 罚 penalty, 检 inspection, 强 compulsion, 许 licensing.
const PROCEDURE_MARK: Record<ProcedureType, string> = {
  penalty: '罚立',
  inspection: '检',
  compulsion: '强',
  licensing: '许',
};

/** Case numbers count per agency, procedure and year, as 示范住建罚立〔2026〕12号. */
export const formatCaseNumber = (options: {
  agencyShortName: string;
  procedure: ProcedureType;
  year: number;
  sequence: number;
}): string => `${options.agencyShortName}${PROCEDURE_MARK[options.procedure]}〔${options.year}〕${options.sequence}号`;
