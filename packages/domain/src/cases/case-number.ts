import type { Procedure } from './case-source';

const PROCEDURE_MARK: Record<Procedure, string> = { penalty: '罚立' };

/** Case numbers count per agency, procedure and year, as 示范住建罚立〔2026〕12号. */
export const formatCaseNumber = (options: {
  agencyShortName: string;
  procedure: Procedure;
  year: number;
  sequence: number;
}): string => `${options.agencyShortName}${PROCEDURE_MARK[options.procedure]}〔${options.year}〕${options.sequence}号`;
