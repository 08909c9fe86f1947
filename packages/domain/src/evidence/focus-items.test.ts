import { describe, expect, it } from 'vitest';
import { formatCitation } from '../procedures/citation';
import { FOCUS_ITEM_IDS, FOCUS_ITEMS, isFocusItemId } from './focus-items';

const cited = (id: string): string[] => (FOCUS_ITEMS.find((i) => i.id === id)?.citations ?? []).map(formatCitation);

describe('AV focus items (AV-3)', () => {
  it('lists the eight items of S2 §12 in order, each citing it', () => {
    const fromS2 = FOCUS_ITEMS.filter((i) => i.citations.some((c) => c.source === 'S2' && c.article === '第十二条'));
    expect(fromS2.map((i) => i.name)).toEqual([
      '执法现场环境',
      '当事人等现场有关人员的体貌特征和言行举止',
      '执法人员出示执法证件及告知当事人权利和义务',
      '重要涉案物品等相关证据及其主要特征',
      '对当事人、证人进行询问的过程',
      '对有关人员、财物采取措施的情况',
      '执法人员现场制作、送达执法文书的情况',
      '其他应当记录的事项',
    ]);
  });

  it('merges S1 §19: shared items cite both, its own items are added', () => {
    for (const id of ['scene_environment', 'persons_appearance_conduct', 'documents_made_served', 'other'])
      expect(cited(id)).toEqual(expect.arrayContaining(['S2 第十二条', 'S1 第十九条']));
    expect(cited('start_end_time')).toEqual(['S1 第十九条']);
    expect(cited('places_facilities_property')).toEqual(['S1 第十九条']);
    expect(FOCUS_ITEMS.filter((i) => i.citations.some((c) => c.source === 'S1'))).toHaveLength(6);
  });

  it('has distinct ids and names, every name in Chinese', () => {
    expect(new Set(FOCUS_ITEM_IDS).size).toBe(FOCUS_ITEMS.length);
    expect(new Set(FOCUS_ITEMS.map((i) => i.name)).size).toBe(FOCUS_ITEMS.length);
    for (const item of FOCUS_ITEMS) expect(item.name).toMatch(/^[\u4e00-\u9fff]/);
    expect(isFocusItemId('questioning')).toBe(true);
    expect(isFocusItemId('询问过程')).toBe(false);
  });
});
