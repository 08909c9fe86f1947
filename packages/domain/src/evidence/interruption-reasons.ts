import type { Citation } from '../procedures/citation';
import { cite } from '../procedures/citation';

// AV-4: the objective reasons for which a recording may stop (中止记录). S2 §16 lists all of them; S1 §21 names
// device failure, bad weather and obstruction; S3 附件2 §12 names all but obstruction. Each ends with "等客观原因",
// hence the last entry. Recording stopped for any other reason is what S2 §16 forbids (断续录制, 任意选择取舍).

export type InterruptionReasonDefinition = {
  id: string;
  name: string;
  citations: readonly Citation[];
  /** Whether the officer must say more in the statement's text than the reason itself. */
  isTextRequired: boolean;
};

export const INTERRUPTION_REASONS = [
  {
    id: 'device_failure',
    name: '设备故障或损坏',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十一条'), cite('S3', '附件2 第十二条')],
    isTextRequired: false,
  },
  {
    id: 'low_battery',
    name: '电量不足',
    citations: [cite('S2', '第十六条'), cite('S3', '附件2 第十二条')],
    isTextRequired: false,
  },
  {
    id: 'storage_full',
    name: '存储空间不足',
    citations: [cite('S2', '第十六条'), cite('S3', '附件2 第十二条')],
    isTextRequired: false,
  },
  {
    id: 'bad_weather',
    name: '天气恶劣',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十一条'), cite('S3', '附件2 第十二条')],
    isTextRequired: false,
  },
  {
    id: 'obstruction',
    name: '现场人员阻挠',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十一条')],
    isTextRequired: false,
  },
  {
    id: 'other_objective',
    name: '其他客观原因',
    citations: [cite('S2', '第十六条'), cite('S1', '第二十一条'), cite('S3', '附件2 第十二条')],
    isTextRequired: true,
  },
] as const satisfies readonly InterruptionReasonDefinition[];

export type InterruptionReasonId = (typeof INTERRUPTION_REASONS)[number]['id'];

export const INTERRUPTION_REASON_IDS: readonly InterruptionReasonId[] = INTERRUPTION_REASONS.map((r) => r.id);

export const isInterruptionReasonId = (value: unknown): value is InterruptionReasonId =>
  typeof value === 'string' && (INTERRUPTION_REASON_IDS as readonly string[]).includes(value);

export const interruptionReason = (id: InterruptionReasonId): InterruptionReasonDefinition => {
  const found = INTERRUPTION_REASONS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown interruption reason ${id}`);

  return found;
};
