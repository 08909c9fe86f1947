import {
  chinaDate,
  deadlineRulesFor,
  evaluateDeadline,
  servedDateOf,
  type DeadlineEvaluation,
  type DeadlineRule,
  type RecordKindId,
  type TriggerEvent,
  type WorkCalendar,
} from '@liuhen/domain';
import type { CaseRow } from '../db/repos/case-repo';
import type { CaseState } from './case-state';

export type CaseDeadline = DeadlineEvaluation & { rule: DeadlineRule; startedBy: TriggerEvent };

/** PROC-8: the recorded facts of a case, as the events deadline rules start from and end with. */
export const caseEvents = (caseRow: CaseRow, state: CaseState): Map<TriggerEvent, Date | string> => {
  const events = new Map<TriggerEvent, Date | string>();
  const recordedAt = (kind: RecordKindId) => state.records.find((r) => r.row.kind === kind)?.row.recordedAt;
  const entered = (stage: string) => state.stageChanges.find((c) => c.toStage === stage)?.at;
  const set = (event: TriggerEvent, value: Date | string | null | undefined) => {
    if (value) events.set(event, value);
  };
  const served = (kind: RecordKindId) => servedDateOf(state.facts, kind);

  switch (state.definition.type) {
    case 'penalty':
      set('case.filed', entered('investigation'));
      set('evidence_preservation.made', recordedAt('evidence_preservation_notice'));
      set('advance_notice.served', served('advance_notice'));
      set('hearing_notice.served', served('hearing_notice'));
      set('hearing.held', recordedAt('hearing_record'));
      set('decision.made', recordedAt('penalty_decision'));
      set('decision.served', served('penalty_decision'));
      set('demand_notice.served', served('demand_notice'));
      set('court_application.filed', recordedAt('court_enforcement_application'));
      if (
        state.records.some(
          (r) =>
            r.row.kind === 'performance_record' &&
            (r.row.content as Record<string, unknown>).performanceStatus === 'fully_performed',
        )
      ) {
        set('fine.paid', recordedAt('performance_record'));
      }
      break;
    case 'compulsion':
      set('seizure.made', recordedAt('sealing_seizure_decision'));
      set('seizure.resolved', recordedAt('compulsion_release_decision'));
      break;
    case 'licensing':
      set('application.received', caseRow.createdAt);
      set(
        'missing_materials_notice.served',
        served('missing_materials_notice') ?? recordedAt('missing_materials_notice'),
      );
      set('application.accepted', entered('review'));
      set('licensing_decision.made', recordedAt('licensing_decision'));
      set('licence.issued', served('licensing_decision'));
      break;
    case 'inspection':
      break;
  }
  set('legal_review.completed', recordedAt('legal_review_opinion'));
  // ARCH-1: the act ends when the case is closed; the file is assembled within 30 days of that.
  set('act.ended', entered('closing') ?? entered('result'));
  set('case_file.archived', entered('archived'));

  return events;
};

const asInstant = (value: Date | string): Date =>
  typeof value === 'string' ? new Date(`${value}T00:00:00+08:00`) : value;

/** Every deadline of the case that has started, with its due date and status on `now`'s day. */
export const caseDeadlines = (options: {
  caseRow: CaseRow;
  state: CaseState;
  calendar: WorkCalendar;
  now: Date;
}): CaseDeadline[] => {
  const events = caseEvents(options.caseRow, options.state);
  const deadlines: CaseDeadline[] = [];
  for (const rule of deadlineRulesFor(options.state.definition.type)) {
    const started = events.get(rule.startsAt);
    if (!started) continue;
    const ended = rule.endsWith ? events.get(rule.endsWith) : undefined;
    const start =
      rule.count.mode === 'hours' ? asInstant(started) : typeof started === 'string' ? started : chinaDate(started);
    const evaluation = evaluateDeadline({
      rule,
      start,
      calendar: options.calendar,
      now: options.now,
      ...(ended ? { isSatisfied: true, satisfiedAt: asInstant(ended) } : { isSatisfied: false }),
    });
    deadlines.push({ ...evaluation, rule, startedBy: rule.startsAt });
  }

  return deadlines;
};
