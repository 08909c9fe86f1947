import type { Citation } from '../procedures/citation';
import { cite } from '../procedures/citation';

// AV-3: what an audio-video record should show (重点摄录事项), a checklist the officer ticks for each record. S2 §12
// and S1 §19 overlap; an item both name carries both citations, and S1 §19's own items (the start and end time, the
// places, facilities and property) are added. S3 附件2 §9(一) repeats three of them for on-site inspection.

export type FocusItemDefinition = { id: string; name: string; citations: readonly Citation[] };

export const FOCUS_ITEMS = [
  {
    id: 'scene_environment',
    name: '执法现场环境',
    citations: [cite('S2', '第十二条'), cite('S1', '第十九条'), cite('S3', '附件2 第九条')],
  },
  {
    id: 'persons_appearance_conduct',
    name: '当事人等现场有关人员的体貌特征和言行举止',
    citations: [cite('S2', '第十二条'), cite('S1', '第十九条'), cite('S3', '附件2 第九条')],
  },
  {
    id: 'credentials_and_rights',
    name: '执法人员出示执法证件及告知当事人权利和义务',
    citations: [cite('S2', '第十二条')],
  },
  {
    id: 'key_evidence_items',
    name: '重要涉案物品等相关证据及其主要特征',
    citations: [cite('S2', '第十二条'), cite('S3', '附件2 第九条')],
  },
  {
    id: 'questioning',
    name: '对当事人、证人进行询问的过程',
    citations: [cite('S2', '第十二条')],
  },
  {
    id: 'measures_taken',
    name: '对有关人员、财物采取措施的情况',
    citations: [cite('S2', '第十二条')],
  },
  {
    id: 'documents_made_served',
    name: '执法人员现场制作、送达执法文书的情况',
    citations: [cite('S2', '第十二条'), cite('S1', '第十九条')],
  },
  {
    id: 'start_end_time',
    name: '执法活动开始和结束的时间',
    citations: [cite('S1', '第十九条')],
  },
  {
    id: 'places_facilities_property',
    name: '重要场所、设施、设备和财物及其主要特征',
    citations: [cite('S1', '第十九条')],
  },
  {
    id: 'other',
    name: '其他应当记录的事项',
    citations: [cite('S2', '第十二条'), cite('S1', '第十九条')],
  },
] as const satisfies readonly FocusItemDefinition[];

export type FocusItemId = (typeof FOCUS_ITEMS)[number]['id'];

export const FOCUS_ITEM_IDS: readonly FocusItemId[] = FOCUS_ITEMS.map((item) => item.id);

export const isFocusItemId = (value: unknown): value is FocusItemId =>
  typeof value === 'string' && (FOCUS_ITEM_IDS as readonly string[]).includes(value);
