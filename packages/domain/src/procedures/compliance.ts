import { addDays } from '../calendar/iso-date';
import { chinaDate } from '../time/china-time';
import type { Citation } from './citation';
import { citationsFor, cite } from './citation';
import type { CaseFacts, RecordFact } from './case-facts';
import { RECORD_KINDS } from '../records/catalog';
import type { RecordKindId } from '../records/record-kinds';
import type { Condition, ProcedureType, StageRecord } from './types';
import { serviceProofProblems } from '../service/service-methods';

export type RuleCheck =
  | { type: 'stage_records' }
  | { type: 'officers_credentialed' }
  | { type: 'credentials_shown' }
  | { type: 'party_signature_resolved' }
  | { type: 'av_or_reason' }
  | { type: 'av_continuity' }
  | { type: 'rights_notified' }
  | { type: 'approvals_complete' }
  | { type: 'statement_period_observed' }
  | { type: 'hearing_notice_lead_time'; workingDays: number }
  | { type: 'legal_review_approved' }
  | { type: 'service_proof' };

/** SUP-2: a rule is data — what it checks, how serious it is, and the articles it rests on. */
export type ComplianceRule = {
  id: string;
  name: string;
  severity: 'blocking' | 'warning';
  citations: readonly Citation[];
  procedures: readonly ProcedureType[];
  check: RuleCheck;
};

const ALL: readonly ProcedureType[] = ['penalty', 'inspection', 'compulsion', 'licensing'];

export const COMPLIANCE_RULES = [
  {
    id: 'stage-records',
    name: '各环节必需的文字记录齐全',
    severity: 'blocking',
    citations: [cite('S2', '第十条'), cite('S3', '附件2 第六条'), cite('行政处罚法', '第四十七条')],
    procedures: ALL,
    check: { type: 'stage_records' },
  },
  {
    id: 'two-credentialed-officers',
    name: '调查、检查由两名以上持有效执法证的人员进行',
    severity: 'blocking',
    citations: [cite('行政处罚法', '第四十二条'), cite('S2', '第五条'), cite('S4', '第四十一条'), cite('S0', '问答')],
    procedures: ALL,
    check: { type: 'officers_credentialed' },
  },
  {
    id: 'credentials-shown',
    name: '执法人员出示执法证件并记录出示情况',
    severity: 'blocking',
    citations: [cite('行政处罚法', '第五十五条'), cite('S4', '第十三条'), cite('S1', '第十五条')],
    procedures: ALL,
    check: { type: 'credentials_shown' },
  },
  {
    id: 'party-signature',
    name: '当事人签名或拒绝签名已记录',
    severity: 'blocking',
    citations: [cite('S4', '第十五条'), cite('S1', '第十五条'), cite('行政强制法', '第十八条')],
    procedures: ALL,
    check: { type: 'party_signature_resolved' },
  },
  {
    id: 'av-or-reason',
    name: '应当音像记录的环节有音像记录或书面说明',
    severity: 'blocking',
    citations: [cite('S2', '第十一条'), cite('S3', '附件2 第八条'), cite('S1', '第十八条'), cite('S4', '第十六条')],
    procedures: ALL,
    check: { type: 'av_or_reason' },
  },
  {
    id: 'av-continuity',
    name: '音像记录连续，中断已说明原因',
    severity: 'blocking',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十一条'), cite('S3', '附件2 第十二条')],
    procedures: ALL,
    check: { type: 'av_continuity' },
  },
  {
    id: 'rights-notified',
    name: '告知当事人陈述、申辩、回避、听证等权利及救济途径',
    severity: 'blocking',
    citations: [
      cite('S4', '第十四条'),
      cite('S4', '第四十二条'),
      cite('S1', '第十七条'),
      cite('行政处罚法', '第四十四条'),
    ],
    procedures: ALL,
    check: { type: 'rights_notified' },
  },
  {
    id: 'approvals-complete',
    name: '内部审批已由具名人员逐级签署',
    severity: 'blocking',
    citations: [cite('S4', '第十二条'), cite('S4', '第二十三条'), cite('S1', '第十一条')],
    procedures: ALL,
    check: { type: 'approvals_complete' },
  },
  {
    id: 'statement-period',
    name: '事先告知送达且陈述申辩期满（或当事人已陈述申辩）后方可审查决定',
    severity: 'blocking',
    citations: [cite('行政处罚法', '第四十四条'), cite('行政处罚法', '第四十五条'), cite('行政处罚法', '第六十二条')],
    procedures: ['penalty'],
    check: { type: 'statement_period_observed' },
  },
  {
    id: 'hearing-notice-lead-time',
    name: '听证七日前通知当事人',
    severity: 'warning',
    citations: [cite('行政处罚法', '第六十四条'), cite('行政处罚法', '第八十五条')],
    procedures: ['penalty'],
    check: { type: 'hearing_notice_lead_time', workingDays: 7 },
  },
  {
    id: 'legal-review',
    name: '重大执法决定经法制审核同意后方可审签、作出和送达',
    severity: 'blocking',
    citations: [cite('行政处罚法', '第五十八条'), cite('S3', '附件3 第五条'), cite('S4', '第二十条')],
    procedures: ['penalty', 'licensing'],
    check: { type: 'legal_review_approved' },
  },
  {
    id: 'service-proof',
    name: '送达方式所需的签名、凭证和音像记录齐全',
    severity: 'blocking',
    citations: [
      cite('S4', '第二十五条'),
      cite('S4', '第二十六条'),
      cite('S4', '第二十七条'),
      cite('S4', '第二十八条'),
      cite('S4', '第二十九条'),
      cite('S1', '第十三条'),
      cite('行政处罚法', '第六十一条'),
    ],
    procedures: ALL,
    check: { type: 'service_proof' },
  },
] as const satisfies readonly ComplianceRule[];

export type ComplianceRuleId = (typeof COMPLIANCE_RULES)[number]['id'];

export type FindingItem = {
  stage: string;
  recordId?: string;
  kind?: RecordKindId;
  message: string;
  citations?: readonly Citation[];
};

export type RuleStatus = 'met' | 'missing' | 'broken' | 'not_applicable';

export type RuleFinding = {
  ruleId: string;
  name: string;
  severity: 'blocking' | 'warning';
  citations: readonly Citation[];
  status: RuleStatus;
  /** What is missing (a record not yet made) or broken (a record made wrongly), stage by stage. */
  missing: readonly FindingItem[];
  broken: readonly FindingItem[];
};

// Field names in the record catalogue that the rules read.
export const MAJOR_CASE_FIELD = 'isMajorCase';
export const RIGHTS_FIELD = 'rightsNotified';

const kindName = (kind: RecordKindId): string => RECORD_KINDS[kind].name;

/** Whether a requirement's condition holds for the case (no condition: always). */
export const conditionHolds = (facts: CaseFacts, condition: Condition | undefined): boolean => {
  if (!condition) return true;
  switch (condition.type) {
    case 'source_is':
      return condition.sources.includes(facts.source);
    case 'is_major_case':
      return facts.isMajorCase;
    case 'record_present':
      return facts.records.some((r) => r.kind === condition.kind);
    case 'record_field':
      return facts.records.some(
        (r) => r.kind === condition.kind && condition.equals.includes(r.content[condition.field] as never),
      );
  }
};

/** PROC-1: whether a stage's record requirement applies to this case now. */
export const isRecordNeeded = (facts: CaseFacts, requirement: StageRecord): boolean =>
  requirement.requirement === 'required' ||
  (requirement.requirement === 'required_if' && conditionHolds(facts, requirement.condition));

/** The stage requirement a record was made under, if its stage lists its kind. */
const requirementOf = (facts: CaseFacts, record: RecordFact): StageRecord | null =>
  facts.definition.stages.find((s) => s.id === record.stage)?.records.find((r) => r.kind === record.kind) ?? null;

const isAvRequired = (requirement: StageRecord | null, record: RecordFact): boolean => {
  if (!requirement || (requirement.av.level !== 'required' && requirement.av.level !== 'full_length')) return false;
  const when = 'when' in requirement.av ? requirement.av.when : undefined;

  return !when || when.equals.includes(record.content[when.field] as never);
};

const checkItems = (facts: CaseFacts, check: RuleCheck): { missing: FindingItem[]; broken: FindingItem[] } => {
  const missing: FindingItem[] = [];
  const broken: FindingItem[] = [];
  const visited = new Set(facts.visitedStages);
  const records = facts.records.filter((r) => visited.has(r.stage));

  switch (check.type) {
    case 'stage_records':
      for (const stageId of facts.visitedStages) {
        const stage = facts.definition.stages.find((s) => s.id === stageId);
        if (!stage) continue;
        for (const requirement of stage.records) {
          if (
            isRecordNeeded(facts, requirement) &&
            !records.some((r) => r.stage === stageId && r.kind === requirement.kind)
          ) {
            missing.push({
              stage: stageId,
              kind: requirement.kind,
              message: `缺少${kindName(requirement.kind)}`,
              citations: requirement.citations,
            });
          }
        }
        for (const group of stage.anyOf ?? []) {
          if (!records.some((r) => r.stage === stageId && group.kinds.includes(r.kind))) {
            missing.push({ stage: stageId, message: `缺少${group.name}`, citations: group.citations });
          }
        }
      }
      break;
    case 'officers_credentialed':
      for (const record of records) {
        const needed = RECORD_KINDS[record.kind].officers.min;
        const valid = new Set(record.officers.filter((o) => o.isCredentialValid).map((o) => o.userId));
        if (valid.size < needed) {
          broken.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}仅有 ${valid.size} 名持有效执法证的执法人员，至少需要 ${needed} 名`,
          });
        }
      }
      break;
    case 'credentials_shown':
      for (const record of records) {
        if (!RECORD_KINDS[record.kind].officers.isCredentialShownRecorded) continue;
        const notShown = record.officers.filter((o) => !o.isCredentialShown);
        if (notShown.length > 0) {
          broken.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}记载${notShown.map((o) => o.name).join('、')}未出示执法证件`,
          });
        }
      }
      break;
    case 'party_signature_resolved':
      for (const record of records) {
        if (record.partySignature === 'pending') {
          missing.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}尚无当事人签名，也未记录拒绝签名`,
          });
        }
      }
      break;
    case 'av_or_reason':
      for (const record of records) {
        if (!isAvRequired(requirementOf(facts, record), record)) continue;
        if (record.avEvidenceCount === 0 && !record.avReason) {
          const requirement = requirementOf(facts, record)!;
          missing.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}应当同步音像记录，既无音像记录也无书面说明`,
            citations: 'citations' in requirement.av ? requirement.av.citations : [],
          });
        }
      }
      break;
    case 'av_continuity':
      for (const record of records) {
        if (record.avUnexplainedGaps > 0) {
          broken.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}的音像记录有 ${record.avUnexplainedGaps} 处中断尚未说明原因`,
          });
        }
      }
      // A recording not linked to a record is still the stage's: its gaps need the same explanation.
      for (const group of facts.unlinkedAvGaps) {
        if (group.count > 0)
          broken.push({
            stage: group.stage,
            message: `未关联文字记录的音像记录有 ${group.count} 处中断尚未说明原因`,
          });
      }
      break;
    case 'rights_notified':
      for (const record of records) {
        if (!RECORD_KINDS[record.kind].isRightsNoticeRecorded) continue;
        const told = record.content[RIGHTS_FIELD];
        if (!Array.isArray(told) || told.length === 0) {
          missing.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}未记载告知当事人的权利`,
          });
        }
      }
      break;
    case 'approvals_complete':
      for (const record of records) {
        if (record.approval === 'pending') {
          missing.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}尚待审批`,
          });
        } else if (record.approval === 'returned') {
          broken.push({
            stage: record.stage,
            recordId: record.id,
            kind: record.kind,
            message: `${kindName(record.kind)}被退回，须更正后重新提交`,
          });
        }
      }
      break;
    case 'statement_period_observed': {
      if (!visited.has('notification') || facts.definition.type !== 'penalty') break;
      const notice = records.find((r) => r.kind === 'advance_notice');
      if (!notice) break;
      const servedOn = servedDateOf(facts, 'advance_notice');
      const stated = records.some((r) => r.kind === 'statement_defence_record' || r.kind === 'hearing_record');
      if (stated) break;
      if (!servedOn) {
        missing.push({
          stage: 'notification',
          recordId: notice.id,
          kind: 'advance_notice',
          message: '事先告知书尚未送达当事人',
        });
        break;
      }
      const period = facts.definition.statementPeriod?.workingDays ?? 3;
      const end = facts.addWorkingDays(servedOn, period);
      if (facts.today <= end.date) {
        missing.push({
          stage: 'notification',
          recordId: notice.id,
          kind: 'advance_notice',
          message: `陈述申辩期（${period} 个工作日）至 ${end.date} 届满，期满前不得作出决定${end.isCovered ? '' : '（日历未覆盖该年度，请核对）'}`,
          citations: facts.definition.statementPeriod?.citations ?? [],
        });
      }
      break;
    }
    case 'hearing_notice_lead_time':
      for (const notice of records.filter((r) => r.kind === 'hearing_notice')) {
        const servedOn = servedDateOf(facts, 'hearing_notice') ?? notice.recordedOn;
        const hearingAt = notice.content.hearingAt;
        if (typeof hearingAt !== 'string') continue;
        const hearingDate = chinaDate(new Date(hearingAt));
        const earliest = facts.addWorkingDays(servedOn, check.workingDays);
        if (hearingDate < earliest.date) {
          broken.push({
            stage: notice.stage,
            recordId: notice.id,
            kind: 'hearing_notice',
            message: `听证日期 ${hearingDate} 距通知不足 ${check.workingDays} 个工作日（最早 ${earliest.date}）`,
          });
        }
      }
      break;
    case 'legal_review_approved': {
      // REVIEW-5: the gate sits on the stage that lists the opinion; a draft changed after 同意 closes it again.
      const reviewStage = facts.definition.stages.find((st) =>
        st.records.some((r) => r.kind === 'legal_review_opinion'),
      );
      if (!reviewStage || !visited.has(reviewStage.id)) break;
      if (facts.legalReview.isMajorDecision && !facts.legalReview.canDecide) {
        missing.push({ stage: reviewStage.id, kind: 'legal_review_opinion', message: facts.legalReview.message });
      }
      break;
    }
    case 'service_proof':
      for (const record of records.filter((r) => r.kind === 'service_receipt')) {
        const method = record.content.method;
        if (typeof method !== 'string') continue;
        const problems = serviceProofProblems({
          method,
          signatures: record.signatures,
          attachments: record.attachments,
          avCount: record.avEvidenceCount,
          avReason: record.avReason,
        });
        // Audio-video is the av-or-reason rule's to report; this rule lists signatures and proofs.
        for (const problem of problems.filter((p) => p.item !== 'av')) {
          missing.push({ stage: record.stage, recordId: record.id, kind: 'service_receipt', message: problem.message });
        }
      }
      break;
  }

  return { missing, broken };
};

// The service receipt names the document it served; a document's own served-on date is used when it has one.
export const SERVED_DOCUMENT_FIELD = 'documentKind';
export const SERVED_ON_FIELD = 'servedOn';

export const servedDateOf = (facts: Pick<CaseFacts, 'records'>, kind: RecordKindId): string | null => {
  const receipt = facts.records.find((r) => r.kind === 'service_receipt' && r.content[SERVED_DOCUMENT_FIELD] === kind);
  const fromReceipt = receipt?.content[SERVED_ON_FIELD];
  if (typeof fromReceipt === 'string') return fromReceipt;
  // 民事诉讼法 第九十五条: service by announcement is deemed made thirty days after the announcement.
  const announcedOn = receipt?.content.announcedOn;
  if (typeof announcedOn === 'string') return addDays(announcedOn, 30);
  const own = facts.records.find((r) => r.kind === kind)?.content[SERVED_ON_FIELD];

  return typeof own === 'string' ? own : null;
};

/** SUP-2: every rule of the case's procedure, each met, missing, broken or not applicable, with what and where. */
export const evaluateCompliance = (
  facts: CaseFacts,
  rules: readonly ComplianceRule[] = COMPLIANCE_RULES,
): RuleFinding[] =>
  rules.map((rule) => {
    const citations = citationsFor(rule.citations, facts.definition.type);
    const base = { ruleId: rule.id, name: rule.name, severity: rule.severity, citations };
    if (!rule.procedures.includes(facts.definition.type))
      return { ...base, status: 'not_applicable', missing: [], broken: [] };
    const { missing, broken } = checkItems(facts, rule.check);
    const status: RuleStatus = broken.length > 0 ? 'broken' : missing.length > 0 ? 'missing' : 'met';

    return { ...base, status, missing, broken };
  });

/** The blocking findings that stop the case leaving its current stage (earlier stages' gaps still count). */
export const blockingFindings = (findings: readonly RuleFinding[]): RuleFinding[] =>
  findings.filter((f) => f.severity === 'blocking' && (f.status === 'missing' || f.status === 'broken'));
