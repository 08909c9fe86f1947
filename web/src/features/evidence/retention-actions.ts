import type {
  CaseEvidence,
  CatalogEntry,
  EvidenceItem,
  LegalHold,
  RecordedRetentionFact,
  RetentionUpgrade,
} from '../../api/evidence';

// RET-1, RET-2: what the evidence card's retention section shows and offers, as plain data.

export type RetentionAccess = { canManageRetention: boolean; canManageHolds: boolean };

/** Both the user's role (me) and the server's answer for this case must allow an action. */
export const retentionAccess = (
  evidence: Pick<CaseEvidence, 'canManageRetention' | 'canManageHolds'>,
  permissions: { canManageRetention?: boolean; canManageLegalHolds?: boolean },
): RetentionAccess => ({
  canManageRetention: evidence.canManageRetention === true && permissions.canManageRetention === true,
  canManageHolds: evidence.canManageHolds === true && permissions.canManageLegalHolds === true,
});

/** The section is shown when there is evidence to keep or the user can act; otherwise it would be empty noise. */
export const isRetentionSectionShown = (evidence: Pick<CaseEvidence, 'items'>, access: RetentionAccess): boolean =>
  evidence.items.length > 0 || access.canManageRetention || access.canManageHolds;

/** The lines of a preview: which originals' terms a fact lengthens, from and to. */
export type UpgradePreview = { title: string; lines: string[] };

export const upgradeLine = (upgrade: Pick<RetentionUpgrade, 'filename' | 'from' | 'to'>): string =>
  `${upgrade.filename} ${upgrade.from ?? '未设定'} → ${upgrade.to}`;

export const formatUpgradePreview = (
  upgrades: readonly Pick<RetentionUpgrade, 'filename' | 'from' | 'to'>[],
): UpgradePreview =>
  upgrades.length === 0
    ? { title: '不改变任何证据的保存期限', lines: [] }
    : { title: '以下证据的保存期限将延长：', lines: upgrades.map(upgradeLine) };

/** The catalog's facts, each marked when the case already has it (the server refuses a second one). */
export const factChoices = (
  catalog: readonly CatalogEntry[],
  recorded: readonly Pick<RecordedRetentionFact, 'fact'>[],
): (CatalogEntry & { isRecorded: boolean })[] =>
  catalog.map((entry) => ({ ...entry, isRecorded: recorded.some((r) => r.fact === entry.id) }));

/** Who recorded a fact and when; derived facts come from the case's records. */
export const factByline = (
  fact: Pick<RecordedRetentionFact, 'isDerived' | 'createdBy' | 'createdAt'>,
  format: (iso: string) => string,
): string => {
  if (fact.isDerived) return '由案件记录认定';
  const who = fact.createdBy?.displayName ?? '';
  const when = fact.createdAt ? format(fact.createdAt) : '';

  return [who ? `${who} 登记` : '', when].filter(Boolean).join(' · ');
};

/** What a hold covers: the whole case or one named original. */
export const holdScope = (
  hold: Pick<LegalHold, 'evidenceId'>,
  items: readonly Pick<EvidenceItem, 'id' | 'filename'>[],
): string => {
  if (hold.evidenceId === null) return '全案证据';
  const item = items.find((i) => i.id === hold.evidenceId);

  return item ? `证据「${item.filename}」` : '一份证据';
};

/** The per-item actions of the retention section: asking for disposal, or placing a hold on that item. */
export type ItemRetentionActions = { canRequestDisposal: boolean; canHold: boolean };

export const itemRetentionActions = (
  item: Pick<EvidenceItem, 'disposal' | 'isHeld'>,
  access: RetentionAccess,
): ItemRetentionActions => ({
  canRequestDisposal: access.canManageRetention && item.disposal?.canRequest === true,
  canHold: access.canManageHolds && !item.isHeld && item.disposal?.status !== 'disposed',
});

/** Why an item cannot be disposed of yet, for a tooltip; null when nothing blocks or the server said nothing. */
export const disposalBlockedText = (item: Pick<EvidenceItem, 'disposal'>): string | null => {
  const blockers = item.disposal?.blockers ?? [];

  return blockers.length ? `暂不能申请销毁：${blockers.map((b) => b.name).join('；')}` : null;
};

/** A hold's target in the place-hold form: '' stands for the whole case. */
export const WHOLE_CASE = '';

export const holdTargets = (
  items: readonly Pick<EvidenceItem, 'id' | 'filename' | 'disposal'>[],
): { value: string; label: string }[] => [
  { value: WHOLE_CASE, label: '全案证据' },
  ...items.filter((i) => i.disposal?.status !== 'disposed').map((i) => ({ value: i.id, label: i.filename })),
];

/** The place-hold request body: no evidenceId for the whole case. */
export const holdBody = (reason: string, target: string): { reason: string; evidenceId?: string } =>
  target === WHOLE_CASE ? { reason: reason.trim() } : { reason: reason.trim(), evidenceId: target };
