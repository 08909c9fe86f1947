import { cite } from './citation';
import type { ProcedureDefinition } from './types';

// PROC-3: 行政监督检查 from its start to the archive (S4 第三章).
export const INSPECTION_STAGES = ['plan', 'on_site', 'rights', 'correction', 'result', 'archived'] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];

export const INSPECTION_PROCEDURE = {
  id: 'inspection.national',
  type: 'inspection',
  variant: 'national',
  name: '行政监督检查',
  effectiveFrom: '2021-07-15',
  citations: [cite('S4', '第三十七条'), cite('S4', '第三十八条'), cite('S2', '第八条')],
  sources: [
    { id: 'notice', name: '启动通知或会议纪要', citations: [cite('S4', '第三十八条')] },
    { id: 'annual_plan', name: '年度检查计划', citations: [cite('S4', '第三十八条')] },
    { id: 'assigned', name: '上级部署交办', citations: [cite('S4', '第三十八条')] },
    { id: 'random', name: '随机抽查', citations: [cite('S2', '第十一条')] },
  ],
  initialStage: 'plan',
  stages: [
    {
      id: 'plan',
      name: '启动检查',
      citations: [cite('S4', '第三十八条')],
      records: [
        {
          kind: 'inspection_plan',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S4', '第三十八条')],
        },
      ],
    },
    {
      id: 'on_site',
      name: '组织实施',
      citations: [cite('S4', '第三十九条'), cite('S4', '第四十条'), cite('S4', '第四十一条')],
      records: [
        {
          kind: 'inspection_record',
          requirement: 'required',
          av: { level: 'required', citations: [cite('S4', '第四十条'), cite('S2', '第十一条')] },
          citations: [cite('S4', '第三十九条')],
        },
        {
          kind: 'questioning_record',
          requirement: 'optional',
          // S4 第三十九条(二): "可以视情况进行音像记录".
          av: { level: 'optional' },
          citations: [cite('S4', '第三十九条')],
        },
        {
          kind: 'document_check_record',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('S4', '第三十九条')],
        },
        {
          kind: 'evidence_call_up_notice',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S2', '第十一条')] },
          citations: [cite('S4', '第三十九条')],
        },
        {
          kind: 'evidence_preservation_notice',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S2', '第十一条')] },
          citations: [cite('S4', '第三十九条')],
        },
        {
          kind: 'refusal_record',
          requirement: 'optional',
          av: { level: 'required', citations: [cite('S4', '第三十九条')] },
          citations: [cite('S4', '第三十九条')],
        },
      ],
    },
    {
      id: 'rights',
      name: '权利告知',
      citations: [cite('S4', '第四十二条')],
      records: [
        {
          kind: 'rights_notice',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S4', '第四十二条')],
        },
      ],
    },
    {
      id: 'correction',
      name: '责令改正与复查',
      citations: [cite('S4', '第四十三条')],
      records: [
        {
          kind: 'order_to_correct',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S4', '第四十三条')],
        },
        {
          kind: 'service_receipt',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('S4', '第二十五条')],
        },
        {
          kind: 'correction_verification',
          requirement: 'required',
          // S4 第四十三条: "并可以视情况进行音像记录".
          av: { level: 'optional' },
          citations: [cite('S4', '第四十三条')],
        },
      ],
    },
    {
      id: 'result',
      name: '结果处理',
      citations: [cite('S4', '第四十四条'), cite('S4', '第四十五条')],
      records: [
        {
          kind: 'result_report',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('S4', '第四十四条')],
        },
        {
          kind: 'inspection_summary',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S4', '第四十五条')],
        },
      ],
    },
    { id: 'archived', name: '归档', citations: [cite('S4', '第四十五条')], records: [], isTerminal: true },
  ],
  transitions: [
    { from: 'plan', to: 'on_site', name: '实施检查', citations: [cite('S4', '第三十九条')] },
    { from: 'on_site', to: 'rights', name: '告知权利', citations: [cite('S4', '第四十二条')] },
    { from: 'on_site', to: 'result', name: '未发现问题，汇总结果', citations: [cite('S4', '第四十五条')] },
    { from: 'rights', to: 'correction', name: '责令改正', citations: [cite('S4', '第四十三条')] },
    { from: 'rights', to: 'result', name: '汇总结果', citations: [cite('S4', '第四十四条')] },
    { from: 'correction', to: 'result', name: '复查完毕，汇总结果', citations: [cite('S4', '第四十四条')] },
    { from: 'result', to: 'archived', name: '归档', citations: [cite('S4', '第四十五条')] },
  ],
} as const satisfies ProcedureDefinition<InspectionStage>;
