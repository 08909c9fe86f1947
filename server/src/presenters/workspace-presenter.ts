import {
  COMPLIANCE_RULES,
  DEADLINE_RULES,
  formatCitation,
  PROCEDURE_DEFINITIONS,
  RECORD_KINDS,
  type Citation,
  type RuleFinding,
} from '@liuhen/domain';
import type { CaseDeadline } from '../procedures/case-deadlines';
import type { StoredOfficer, StoredWitness } from '../procedures/case-state';
import type { CaseWorkspace } from '../use-cases/case-workspace';

export const presentCitations = (citations: readonly Citation[]) =>
  citations.map((c) => ({ source: c.source, article: c.article, text: formatCitation(c) }));

const presentFinding = (f: RuleFinding) => ({
  ruleId: f.ruleId,
  name: f.name,
  severity: f.severity,
  status: f.status,
  citations: presentCitations(f.citations),
  missing: f.missing.map((m) => ({ ...m, citations: presentCitations(m.citations ?? []) })),
  broken: f.broken.map((m) => ({ ...m, citations: presentCitations(m.citations ?? []) })),
});

export const presentFindings = (findings: readonly RuleFinding[]) => findings.map(presentFinding);

export const presentDeadline = (d: CaseDeadline) => ({
  ruleId: d.ruleId,
  name: d.rule.name,
  citations: presentCitations(d.rule.citations),
  kind: d.kind,
  duty: d.duty,
  startedBy: d.startedBy,
  startDate: d.startDate,
  dueDate: d.dueDate,
  dueAt: d.dueAt ? d.dueAt.toISOString() : null,
  movedFrom: d.movedFrom,
  status: d.status,
  isCalendarCovered: d.isCalendarCovered,
  uncoveredYears: d.uncoveredYears,
});

/** Everything the case workspace shows; record content is the validated structured content, nothing else. */
export const presentWorkspace = (w: CaseWorkspace) => ({
  caseId: w.caseRow.id,
  number: w.caseRow.number,
  procedure: { id: w.definition.id, type: w.definition.type, name: w.definition.name, variant: w.definition.variant },
  stage: {
    id: w.stage.id,
    name: w.stage.name,
    isTerminal: w.stage.isTerminal === true,
    citations: presentCitations(w.stage.citations),
  },
  isMajorCase: w.isMajorCase,
  visitedStages: w.visitedStages,
  stageChanges: w.stageChanges.map((c) => ({
    from: c.fromStage,
    to: c.toStage,
    note: c.note,
    at: c.at.toISOString(),
    actor: { id: c.actorUserId, displayName: c.actorName },
  })),
  transitions: w.transitions.map((t) => ({
    to: t.to,
    name: t.name,
    isBlocked: t.isBlocked,
    citations: presentCitations(t.citations),
  })),
  stageRecords: w.stageRecords.map((r) => ({
    kind: r.kind,
    name: r.name,
    requirement: r.requirement,
    isNeeded: r.isNeeded,
    av: r.av.level,
    avWhen: 'when' in r.av && r.av.when ? r.av.when : null,
    citations: presentCitations(r.citations),
    recordIds: r.recordIds,
  })),
  records: w.records.map(({ row, versions, approval, name, createdByName, canActOnApproval }) => ({
    id: row.id,
    kind: row.kind,
    name,
    stage: row.stage,
    version: row.version,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      correctionReason: v.correctionReason,
      contentSha256: v.contentSha256,
    })),
    recordedAt: row.recordedAt.toISOString(),
    place: row.place,
    officers: row.officers as StoredOfficer[],
    partySignature: row.partySignature,
    refusalReason: row.refusalReason,
    witnesses: row.witnesses as StoredWitness[],
    content: row.content,
    avReason: row.avReason,
    contentSha256: row.contentSha256,
    createdBy: { id: row.createdBy, displayName: createdByName },
    createdAt: row.createdAt.toISOString(),
    approval: {
      status: approval.status,
      canAct: canActOnApproval,
      next: approval.next ? { index: approval.next.index, role: approval.next.role, label: approval.next.label } : null,
      steps: approval.steps.map((s) => ({
        index: s.index,
        role: s.role,
        label: s.label,
        decision: s.decision,
        opinion: s.opinion,
        actor: s.actorUserId ? { id: s.actorUserId, displayName: s.actorName ?? '' } : null,
        at: s.at ? s.at.toISOString() : null,
      })),
    },
  })),
  compliance: presentFindings(w.findings),
  deadlines: w.deadlines.map(presentDeadline),
  uncoveredCalendarYear: w.uncoveredCalendar,
});

/** The procedures, record forms and rules as data, so the web builds its stepper and forms from one source (PROC-1). */
export const presentProcedureCatalog = () => ({
  procedures: PROCEDURE_DEFINITIONS.map((d) => ({
    id: d.id,
    type: d.type,
    variant: d.variant,
    name: d.name,
    effectiveFrom: d.effectiveFrom,
    citations: presentCitations(d.citations),
    sources: d.sources.map((s) => ({ id: s.id, name: s.name, citations: presentCitations(s.citations) })),
    initialStage: d.initialStage,
    statementPeriodWorkingDays: d.statementPeriod?.workingDays ?? null,
    stages: d.stages.map((s) => ({
      id: s.id,
      name: s.name,
      isTerminal: s.isTerminal === true,
      citations: presentCitations(s.citations),
      records: s.records.map((r) => ({
        kind: r.kind,
        requirement: r.requirement,
        av: r.av.level,
        // AV-2: a condition on the record's own content, e.g. only service left at the residence is filmed.
        avWhen: 'when' in r.av && r.av.when ? r.av.when : null,
        citations: presentCitations(r.citations),
      })),
    })),
    transitions: d.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      name: t.name,
      citations: presentCitations(t.citations),
    })),
  })),
  recordKinds: Object.values(RECORD_KINDS).map((k) => ({
    id: k.id,
    name: k.name,
    citations: presentCitations(k.citations),
    fields: k.fields,
    officers: k.officers,
    partySignature: k.partySignature,
    witnesses: k.witnesses,
    isRightsNoticeRecorded: k.isRightsNoticeRecorded,
    approvalSteps: k.approvalSteps.map((s) => ({ ...s, citation: presentCitations([s.citation])[0] })),
  })),
  complianceRules: COMPLIANCE_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    severity: r.severity,
    procedures: r.procedures,
    citations: presentCitations(r.citations),
  })),
  deadlineRules: Object.values(DEADLINE_RULES).map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    count: r.count,
    duty: r.duty,
    procedures: r.procedures,
    citations: presentCitations(r.citations),
  })),
});
