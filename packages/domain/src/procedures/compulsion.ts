import { cite } from './citation';
import type { ProcedureDefinition } from './types';

// PROC-5: 行政强制措施 (查封施工现场、扣押财物) under 行政强制法 第三章 and S3 附件2 第八条、第九条、第十一条.
export const COMPULSION_STAGES = ['approval', 'execution', 'handling', 'closing', 'archived'] as const;
export type CompulsionStage = (typeof COMPULSION_STAGES)[number];

export const COMPULSION_PROCEDURE = {
  id: 'compulsion.national',
  type: 'compulsion',
  variant: 'national',
  name: '行政强制措施',
  effectiveFrom: '2012-01-01',
  citations: [cite('行政强制法', '第十八条'), cite('S2', '第八条'), cite('S3', '附件2 第八条')],
  sources: [
    { id: 'in_penalty_case', name: '行政处罚案件中采取', citations: [cite('行政强制法', '第二十二条')] },
    { id: 'inspection', name: '监督检查中发现', citations: [cite('S2', '第八条')] },
    { id: 'emergency', name: '情况紧急当场实施', citations: [cite('行政强制法', '第十九条')] },
  ],
  initialStage: 'approval',
  stages: [
    {
      id: 'approval',
      name: '报告审批',
      citations: [cite('行政强制法', '第十八条'), cite('行政强制法', '第十九条')],
      records: [
        {
          kind: 'compulsion_approval',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('行政强制法', '第十八条')],
        },
      ],
    },
    {
      id: 'execution',
      name: '实施',
      citations: [cite('行政强制法', '第十八条'), cite('行政强制法', '第二十四条')],
      records: [
        {
          kind: 'sealing_seizure_decision',
          requirement: 'required',
          av: { level: 'required', citations: [cite('S3', '附件2 第八条'), cite('S2', '第十一条')] },
          citations: [cite('行政强制法', '第二十四条')],
        },
        {
          kind: 'compulsion_site_record',
          requirement: 'required',
          // S3 附件2 第十一条: where violence is anticipated, a dedicated camera films the whole scene.
          av: {
            level: 'full_length',
            citations: [cite('S2', '第十一条'), cite('S3', '附件2 第九条'), cite('S3', '附件2 第十一条')],
          },
          citations: [cite('行政强制法', '第十八条'), cite('S3', '附件2 第九条')],
        },
        {
          kind: 'service_receipt',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('行政强制法', '第二十四条')],
        },
      ],
    },
    {
      id: 'handling',
      name: '期限内处理',
      citations: [cite('行政强制法', '第二十五条'), cite('行政强制法', '第二十七条'), cite('行政强制法', '第二十八条')],
      records: [
        {
          kind: 'seizure_extension_approval',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('行政强制法', '第二十五条')],
        },
        {
          kind: 'appraisal_opinion',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('行政强制法', '第二十五条')],
        },
        {
          kind: 'compulsion_release_decision',
          requirement: 'required',
          av: { level: 'required', citations: [cite('S3', '附件2 第九条')] },
          citations: [cite('行政强制法', '第二十七条'), cite('行政强制法', '第二十八条')],
        },
      ],
    },
    {
      id: 'closing',
      name: '结案',
      citations: [cite('S2', '第八条')],
      records: [
        { kind: 'closing_approval', requirement: 'required', av: { level: 'none' }, citations: [cite('S2', '第八条')] },
      ],
    },
    { id: 'archived', name: '归档', citations: [cite('S2', '第十七条')], records: [], isTerminal: true },
  ],
  transitions: [
    { from: 'approval', to: 'execution', name: '实施强制措施', citations: [cite('行政强制法', '第十八条')] },
    { from: 'execution', to: 'handling', name: '期限内处理', citations: [cite('行政强制法', '第二十五条')] },
    { from: 'handling', to: 'closing', name: '提请结案', citations: [cite('S2', '第八条')] },
    { from: 'closing', to: 'archived', name: '归档', citations: [cite('S2', '第十七条')] },
  ],
} as const satisfies ProcedureDefinition<CompulsionStage>;
