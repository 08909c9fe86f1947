import { cite } from './citation';
import type { ProcedureDefinition } from './types';

// PROC-4: 行政许可 under S1 and the 行政许可法.
export const LICENSING_STAGES = [
  'acceptance',
  'review',
  'verification',
  'decision',
  'service',
  'archived',
  'not_accepted',
] as const;
export type LicensingStage = (typeof LICENSING_STAGES)[number];

export const LICENSING_PROCEDURE = {
  id: 'licensing.national',
  type: 'licensing',
  variant: 'national',
  name: '行政许可',
  effectiveFrom: '2019-04-23',
  citations: [cite('S1', '第三条'), cite('行政许可法', '第四章')],
  sources: [
    { id: 'window', name: '窗口申请', citations: [cite('S1', '第七条')] },
    { id: 'online', name: '网上申请', citations: [cite('S1', '第八条')] },
  ],
  initialStage: 'acceptance',
  stages: [
    {
      id: 'acceptance',
      name: '受理',
      citations: [cite('S1', '第七条'), cite('S1', '第八条'), cite('行政许可法', '第三十二条')],
      records: [
        {
          kind: 'application_acceptance',
          requirement: 'required',
          // S1 第十条: the window is under video surveillance; the clip backs the record, it does not replace it.
          av: { level: 'optional' },
          citations: [cite('S1', '第七条')],
        },
        {
          kind: 'missing_materials_notice',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('行政许可法', '第三十二条'), cite('S1', '第七条')],
        },
      ],
    },
    {
      id: 'review',
      name: '审查',
      citations: [cite('S1', '第十一条')],
      records: [
        {
          kind: 'licensing_review_record',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S1', '第十一条')],
        },
        {
          kind: 'legal_review_opinion',
          requirement: 'required_if',
          condition: { type: 'is_major_case' },
          av: { level: 'none' },
          citations: [cite('S1', '第十一条')],
        },
        {
          kind: 'expert_review_minutes',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('S1', '第十一条')],
        },
        {
          kind: 'collective_discussion_record',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('S1', '第十一条')],
        },
      ],
    },
    {
      id: 'verification',
      name: '现场核查与听证',
      citations: [cite('S1', '第十五条'), cite('S1', '第十六条'), cite('S1', '第十八条')],
      records: [
        {
          kind: 'site_verification_record',
          requirement: 'optional',
          // S1 第十八条: filmed at the same time, "不适宜音像记录的除外" — a written reason may replace it.
          av: { level: 'required', citations: [cite('S1', '第十八条')] },
          citations: [cite('S1', '第十五条')],
        },
        {
          kind: 'hearing_notice',
          requirement: 'optional',
          av: { level: 'none' },
          citations: [cite('行政许可法', '第四十八条')],
        },
        {
          kind: 'hearing_record',
          requirement: 'required_if',
          condition: { type: 'record_present', kind: 'hearing_notice' },
          av: { level: 'required', citations: [cite('S1', '第十八条')] },
          citations: [cite('S1', '第十六条')],
        },
      ],
      anyOf: [
        {
          kinds: ['site_verification_record', 'hearing_record'],
          name: '现场核查或听证记录',
          citations: [cite('S1', '第十五条'), cite('S1', '第十六条')],
        },
      ],
    },
    {
      id: 'decision',
      name: '决定',
      citations: [cite('S1', '第十二条'), cite('行政许可法', '第三十八条')],
      records: [
        {
          kind: 'licensing_decision',
          requirement: 'required',
          av: { level: 'none' },
          citations: [cite('S1', '第十二条')],
        },
      ],
    },
    {
      id: 'service',
      name: '送达',
      citations: [cite('S1', '第十三条')],
      records: [
        {
          kind: 'service_receipt',
          requirement: 'required',
          av: {
            level: 'required',
            when: { field: 'method', equals: ['left_at_residence', 'announcement'] },
            citations: [cite('S1', '第十三条')],
          },
          citations: [cite('S1', '第十三条')],
        },
      ],
    },
    { id: 'archived', name: '归档', citations: [cite('S1', '第二十九条')], records: [], isTerminal: true },
    {
      id: 'not_accepted',
      name: '不予受理',
      citations: [cite('行政许可法', '第三十二条')],
      records: [],
      isTerminal: true,
    },
  ],
  transitions: [
    { from: 'acceptance', to: 'review', name: '受理并审查', citations: [cite('S1', '第七条')] },
    { from: 'acceptance', to: 'not_accepted', name: '不予受理', citations: [cite('行政许可法', '第三十二条')] },
    { from: 'review', to: 'verification', name: '现场核查或听证', citations: [cite('S1', '第十五条')] },
    { from: 'review', to: 'decision', name: '作出决定', citations: [cite('S1', '第十二条')] },
    { from: 'verification', to: 'decision', name: '作出决定', citations: [cite('S1', '第十二条')] },
    { from: 'decision', to: 'service', name: '送达', citations: [cite('S1', '第十三条')] },
    { from: 'service', to: 'archived', name: '归档', citations: [cite('S1', '第二十九条')] },
  ],
} as const satisfies ProcedureDefinition<LicensingStage>;
