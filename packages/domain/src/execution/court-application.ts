import { addDays, addMonths } from '../calendar/iso-date';
import { cite, type Citation } from '../procedures/citation';

/**
 * SERVE-2: 催告书送达十日后当事人仍未履行义务的，行政机关可以向人民法院申请强制执行 (行政强制法 第五十四条); the ten
 * days run from the day after service (民法典 第二百零一条), so the earliest application is on the eleventh day.
 */
export const COURT_APPLICATION_WAIT = {
  days: 10,
  citations: [cite('行政强制法', '第五十四条'), cite('S4', '第三十一条')],
} as const satisfies { days: number; citations: readonly Citation[] };

/** SERVE-2: 自期限届满之日起三个月内 the agency may apply to the court (行政强制法 第五十三条). */
export const COURT_APPLICATION_WINDOW = {
  months: 3,
  citations: [cite('行政强制法', '第五十三条')],
} as const satisfies { months: number; citations: readonly Citation[] };

/** SERVE-2: 当事人提出的事实、理由和证据，应当进行记录、复核 (行政强制法 第三十六条, S4 第三十一条). */
export const PARTY_STATEMENT_REEXAMINATION = {
  citations: [cite('行政强制法', '第三十六条'), cite('S4', '第三十一条')],
} as const satisfies { citations: readonly Citation[] };

/** The first day a court application may be filed after the demand notice was served. */
export const earliestCourtApplicationOn = (demandServedOn: string): string =>
  addDays(demandServedOn, COURT_APPLICATION_WAIT.days + 1);

/** SERVE-2: the last day to apply, three months after the reconsideration and litigation periods end (第五十三条). */
export const latestCourtApplicationOn = ({ remedyPeriodEndsOn }: { remedyPeriodEndsOn: string }): string =>
  addMonths(remedyPeriodEndsOn, COURT_APPLICATION_WINDOW.months);

export type CourtApplicationProblem = {
  code: 'COURT_APPLICATION_TOO_EARLY' | 'VALIDATION_FAILED';
  field: string;
  message: string;
};

/**
 * SERVE-2: what stands in the way of applying to the court: no demand notice served, the ten days not yet passed,
 * the party's statements not re-examined, or, when the remedy period is known, applying within it or after the
 * three months that follow it.
 */
export const courtApplicationProblems = ({
  demandServedOn,
  appliedOn,
  hasPartyStatementsReexamined,
  hasPartyStatements,
  remedyPeriodEndsOn = null,
}: {
  demandServedOn: string | null;
  appliedOn: string;
  hasPartyStatementsReexamined: boolean;
  hasPartyStatements: boolean;
  /** The day the periods for reconsideration and litigation end; null when not known. */
  remedyPeriodEndsOn?: string | null;
}): CourtApplicationProblem[] => {
  const problems: CourtApplicationProblem[] = [];
  if (demandServedOn === null) {
    problems.push({
      code: 'COURT_APPLICATION_TOO_EARLY',
      field: 'demandServedOn',
      message: '申请人民法院强制执行前，应当制作催告书并送达当事人',
    });
  } else if (appliedOn < earliestCourtApplicationOn(demandServedOn)) {
    problems.push({
      code: 'COURT_APPLICATION_TOO_EARLY',
      field: 'appliedOn',
      message: `催告书于 ${demandServedOn} 送达，送达十日后当事人仍未履行的方可申请，最早 ${earliestCourtApplicationOn(demandServedOn)}`,
    });
  }
  if (remedyPeriodEndsOn !== null) {
    if (appliedOn <= remedyPeriodEndsOn) {
      problems.push({
        code: 'COURT_APPLICATION_TOO_EARLY',
        field: 'appliedOn',
        message: `申请行政复议或者提起行政诉讼的期限至 ${remedyPeriodEndsOn} 届满，届满前不得申请强制执行`,
      });
    } else if (appliedOn > latestCourtApplicationOn({ remedyPeriodEndsOn })) {
      problems.push({
        code: 'VALIDATION_FAILED',
        field: 'appliedOn',
        message: `应当自期限届满之日起三个月内申请，即 ${latestCourtApplicationOn({ remedyPeriodEndsOn })} 前`,
      });
    }
  }
  if (hasPartyStatements && !hasPartyStatementsReexamined) {
    problems.push({
      code: 'VALIDATION_FAILED',
      field: 'partyStatements',
      message: '当事人提出的事实、理由和证据应当进行记录、复核',
    });
  }

  return problems;
};
