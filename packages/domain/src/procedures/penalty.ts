import { cite } from './citation';
import type { ProcedureDefinition } from './types';

// PROC-2: 行政处罚 from its source to the archive, as S4 (第二章), S2 第八条 and the 行政处罚法 lay it out.
export const PENALTY_STAGES = [
  'source',
  'filing',
  'investigation',
  'report',
  'notification',
  'review',
  'decision',
  'service',
  'execution',
  'closing',
  'archived',
  'not_filed',
] as const;
export type PenaltyStage = (typeof PENALTY_STAGES)[number];

const AV_NONE = { level: 'none' } as const;
const AV_OPTIONAL = { level: 'optional' } as const;

export const PENALTY_PROCEDURE = {
  id: 'penalty.national',
  type: 'penalty',
  variant: 'national',
  name: '行政处罚（普通程序）',
  effectiveFrom: '2021-07-15',
  citations: [cite('行政处罚法', '第五章第三节'), cite('S4', '第二章'), cite('S2', '第八条')],
  sources: [
    { id: 'complaint', name: '举报投诉', citations: [cite('S4', '第九条')] },
    { id: 'inspection', name: '检查发现', citations: [cite('S4', '第十条')] },
    { id: 'transfer', name: '移送交办', citations: [cite('S4', '第十一条')] },
    { id: 'own_initiative', name: '依职权发现', citations: [cite('S4', '第十二条')] },
  ],
  initialStage: 'source',
  statementPeriod: { workingDays: 3, citations: [cite('行政处罚法', '第四十四条'), cite('行政处罚法', '第四十五条')] },
  stages: [
    {
      id: 'source',
      name: '案件来源',
      citations: [cite('S4', '第九条'), cite('S4', '第十条'), cite('S4', '第十一条')],
      records: [
        {
          kind: 'complaint_registration',
          requirement: 'required_if',
          condition: { type: 'source_is', sources: ['complaint'] },
          // S4 第九条: "有条件的应同时在接待地点进行音像记录" — encouraged, not required.
          av: AV_OPTIONAL,
          citations: [cite('S4', '第九条')],
        },
        {
          kind: 'inspection_record',
          requirement: 'required_if',
          condition: { type: 'source_is', sources: ['inspection'] },
          av: { level: 'required', citations: [cite('S4', '第十条'), cite('S2', '第十一条')] },
          citations: [cite('S4', '第十条')],
        },
        {
          kind: 'case_transfer_record',
          requirement: 'required_if',
          condition: { type: 'source_is', sources: ['transfer'] },
          av: AV_NONE,
          citations: [cite('S4', '第十一条')],
        },
      ],
    },
    {
      id: 'filing',
      name: '立案',
      citations: [cite('S4', '第十二条'), cite('行政处罚法', '第五十四条')],
      records: [{ kind: 'filing_approval', requirement: 'required', av: AV_NONE, citations: [cite('S4', '第十二条')] }],
    },
    {
      id: 'investigation',
      name: '调查取证',
      citations: [cite('S4', '第十三条'), cite('S4', '第十五条'), cite('行政处罚法', '第五十五条')],
      records: [
        {
          kind: 'questioning_record',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S2', '第十一条')] },
          citations: [cite('S4', '第十五条')],
        },
        {
          kind: 'inspection_record',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S4', '第十六条'), cite('S2', '第十一条')] },
          citations: [cite('S4', '第十五条')],
        },
        {
          kind: 'sampling_notice',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S4', '第十六条')] },
          citations: [cite('S4', '第十五条'), cite('行政处罚法', '第五十六条')],
        },
        {
          kind: 'evidence_call_up_notice',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S2', '第十一条')] },
          citations: [cite('S4', '第十五条')],
        },
        {
          kind: 'evidence_preservation_notice',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S4', '第十七条'), cite('S3', '附件2 第八条')] },
          citations: [cite('S4', '第十七条'), cite('行政处罚法', '第五十六条')],
        },
        {
          kind: 'sealing_seizure_decision',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S3', '附件2 第八条'), cite('S2', '第十一条')] },
          citations: [cite('S2', '第八条')],
        },
        { kind: 'appraisal_opinion', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第十五条')] },
        {
          kind: 'refusal_record',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S3', '附件2 第九条')] },
          citations: [cite('S4', '第十五条')],
        },
        { kind: 'rights_notice', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第十四条')] },
        { kind: 'service_receipt', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第二十五条')] },
      ],
      anyOf: [
        {
          kinds: [
            'questioning_record',
            'inspection_record',
            'sampling_notice',
            'evidence_call_up_notice',
            'evidence_preservation_notice',
            'appraisal_opinion',
          ],
          name: '至少一份调查取证记录',
          citations: [cite('行政处罚法', '第五十四条'), cite('S4', '第十五条')],
        },
      ],
    },
    {
      id: 'report',
      name: '调查终结',
      citations: [cite('S4', '第十八条')],
      records: [
        { kind: 'investigation_report', requirement: 'required', av: AV_NONE, citations: [cite('S4', '第十八条')] },
      ],
    },
    {
      id: 'notification',
      name: '告知与陈述申辩、听证',
      citations: [cite('行政处罚法', '第四十四条'), cite('行政处罚法', '第四十五条'), cite('S4', '第十四条')],
      records: [
        {
          kind: 'advance_notice',
          requirement: 'required',
          av: AV_NONE,
          citations: [cite('行政处罚法', '第四十四条'), cite('S4', '第十四条')],
        },
        { kind: 'service_receipt', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第二十五条')] },
        {
          kind: 'statement_defence_record',
          requirement: 'optional',
          // S3 附件2 第九条(八): statements hard to write down are recorded on audio-video.
          av: AV_OPTIONAL,
          citations: [cite('S4', '第十五条'), cite('行政处罚法', '第四十五条')],
        },
        {
          kind: 'hearing_notice',
          requirement: 'optional',
          av: AV_NONE,
          citations: [cite('行政处罚法', '第六十四条')],
        },
        {
          kind: 'hearing_record',
          requirement: 'required_if',
          condition: { type: 'record_present', kind: 'hearing_notice' },
          av: { level: 'full_length', citations: [cite('S4', '第十六条'), cite('S3', '附件2 第九条')] },
          citations: [cite('行政处罚法', '第六十四条'), cite('S4', '第十五条')],
        },
      ],
    },
    {
      id: 'review',
      name: '审查与审签',
      citations: [cite('S4', '第十九条'), cite('S4', '第二十三条'), cite('行政处罚法', '第五十七条')],
      records: [
        { kind: 'case_deliberation_record', requirement: 'optional', av: AV_NONE, citations: [cite('S2', '第八条')] },
        { kind: 'decision_draft', requirement: 'required', av: AV_NONE, citations: [cite('S4', '第十九条')] },
        {
          kind: 'legal_review_opinion',
          requirement: 'required_if',
          condition: { type: 'is_major_case' },
          av: AV_NONE,
          citations: [cite('行政处罚法', '第五十八条'), cite('S4', '第二十条')],
        },
        { kind: 'expert_review_minutes', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第二十一条')] },
        {
          kind: 'collective_discussion_record',
          requirement: 'required_if',
          condition: { type: 'is_major_case' },
          av: AV_NONE,
          citations: [cite('行政处罚法', '第五十七条'), cite('S4', '第二十二条')],
        },
        { kind: 'sign_off', requirement: 'required', av: AV_NONE, citations: [cite('S4', '第二十三条')] },
      ],
    },
    {
      id: 'decision',
      name: '作出决定',
      citations: [cite('S4', '第二十四条'), cite('行政处罚法', '第五十九条')],
      records: [
        {
          kind: 'penalty_decision',
          requirement: 'required',
          av: AV_NONE,
          citations: [cite('S4', '第二十四条'), cite('行政处罚法', '第五十九条')],
        },
      ],
    },
    {
      id: 'service',
      name: '送达',
      citations: [cite('S4', '第二十五条'), cite('行政处罚法', '第六十一条')],
      records: [
        {
          kind: 'service_receipt',
          requirement: 'required',
          // S4 第二十七条, 第二十九条; S2 第十一条: leaving at the residence and announcement are filmed.
          av: {
            level: 'required',
            when: { field: 'method', equals: ['left_at_residence', 'announcement'] },
            citations: [cite('S4', '第二十七条'), cite('S4', '第二十九条'), cite('S2', '第十一条')],
          },
          citations: [cite('S4', '第二十五条'), cite('S4', '第二十六条'), cite('S4', '第二十八条')],
        },
      ],
    },
    {
      id: 'execution',
      name: '执行',
      citations: [cite('S4', '第三十条'), cite('S4', '第三十一条'), cite('S4', '第三十二条')],
      records: [
        { kind: 'performance_record', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第三十条')] },
        {
          kind: 'demand_notice',
          requirement: 'optional',
          av: AV_NONE,
          citations: [cite('S4', '第三十一条'), cite('行政强制法', '第三十五条')],
        },
        {
          kind: 'statement_defence_record',
          requirement: 'optional',
          av: AV_OPTIONAL,
          citations: [cite('S4', '第三十一条')],
        },
        {
          kind: 'court_enforcement_application',
          requirement: 'required_if',
          condition: { type: 'record_present', kind: 'demand_notice' },
          av: AV_NONE,
          citations: [cite('S4', '第三十二条'), cite('行政强制法', '第五十三条')],
        },
        { kind: 'service_receipt', requirement: 'optional', av: AV_NONE, citations: [cite('S4', '第三十一条')] },
      ],
      anyOf: [
        {
          kinds: ['performance_record', 'court_enforcement_application'],
          name: '履行情况或申请法院强制执行的记录',
          citations: [cite('S4', '第三十条'), cite('S4', '第三十二条')],
        },
      ],
    },
    {
      id: 'closing',
      name: '结案',
      citations: [cite('S2', '第八条')],
      records: [{ kind: 'closing_approval', requirement: 'required', av: AV_NONE, citations: [cite('S2', '第八条')] }],
    },
    { id: 'archived', name: '归档', citations: [cite('S4', '第三十三条')], records: [], isTerminal: true },
    {
      id: 'not_filed',
      name: '不予立案',
      citations: [cite('S4', '第九条'), cite('行政处罚法', '第五十四条')],
      records: [],
      isTerminal: true,
    },
  ],
  transitions: [
    { from: 'source', to: 'filing', name: '提请立案', citations: [cite('S4', '第十二条')] },
    { from: 'source', to: 'not_filed', name: '不予立案', citations: [cite('S4', '第九条')] },
    { from: 'filing', to: 'investigation', name: '开始调查取证', citations: [cite('S4', '第十三条')] },
    { from: 'investigation', to: 'report', name: '调查终结', citations: [cite('S4', '第十八条')] },
    { from: 'report', to: 'notification', name: '事先告知', citations: [cite('行政处罚法', '第四十四条')] },
    { from: 'report', to: 'closing', name: '不予处罚，提请结案', citations: [cite('行政处罚法', '第五十七条')] },
    { from: 'notification', to: 'review', name: '提请审查', citations: [cite('S4', '第十九条')] },
    { from: 'review', to: 'decision', name: '作出决定', citations: [cite('S4', '第二十四条')] },
    { from: 'decision', to: 'service', name: '送达决定书', citations: [cite('S4', '第二十五条')] },
    { from: 'service', to: 'execution', name: '执行', citations: [cite('S4', '第三十条')] },
    { from: 'execution', to: 'closing', name: '提请结案', citations: [cite('S2', '第八条')] },
    { from: 'closing', to: 'archived', name: '立卷归档', citations: [cite('S4', '第三十三条')] },
  ],
} as const satisfies ProcedureDefinition<PenaltyStage>;
