import { describe, expect, it } from 'vitest';
import { formatCitation } from '../procedures/citation';
import {
  INTERRUPTION_REASON_IDS,
  INTERRUPTION_REASONS,
  interruptionReason,
  isInterruptionReasonId,
} from './interruption-reasons';

const cited = (id: (typeof INTERRUPTION_REASON_IDS)[number]): string[] =>
  interruptionReason(id).citations.map(formatCitation);

describe('interruption reasons (AV-4)', () => {
  it('lists the objective reasons of S2 §16 in order, each citing it', () => {
    expect(INTERRUPTION_REASONS.map((r) => [r.id, r.name])).toEqual([
      ['device_failure', '设备故障或损坏'],
      ['low_battery', '电量不足'],
      ['storage_full', '存储空间不足'],
      ['bad_weather', '天气恶劣'],
      ['obstruction', '现场人员阻挠'],
      ['other_objective', '其他客观原因'],
    ]);
    for (const id of INTERRUPTION_REASON_IDS) expect(cited(id)).toContain('S2 第十六条');
  });

  it('cites S1 §21 and S3 附件2 §12 only for the reasons each names', () => {
    const s1 = INTERRUPTION_REASON_IDS.filter((id) => cited(id).includes('S1 第二十一条'));
    const s3 = INTERRUPTION_REASON_IDS.filter((id) => cited(id).includes('S3 附件2 第十二条'));
    expect(s1).toEqual(['device_failure', 'bad_weather', 'obstruction', 'other_objective']);
    expect(s3).toEqual(['device_failure', 'low_battery', 'storage_full', 'bad_weather', 'other_objective']);
  });

  it('asks for a text only for "other objective reason"', () => {
    expect(INTERRUPTION_REASONS.filter((r) => r.isTextRequired).map((r) => r.id)).toEqual(['other_objective']);
    expect(isInterruptionReasonId('low_battery')).toBe(true);
    expect(isInterruptionReasonId('lunch')).toBe(false);
  });
});
