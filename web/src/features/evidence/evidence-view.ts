import type {
  CatalogEntry,
  ContinuityFinding,
  ContinuitySeverity,
  EvidenceItem,
  GapStatement,
} from '../../api/evidence';
import { formatDuration } from '../devices/device-view';
import { formatChinaDateTime } from '../time/china-time';

/** The audio-video kinds (音像记录), as the server's AV_EVIDENCE_KINDS: the ones checked for continuity (AV-4). */
export const AV_KINDS: readonly string[] = ['video', 'audio'];

export const isAvKind = (kind: string | null | undefined): boolean =>
  kind !== null && kind !== undefined && AV_KINDS.includes(kind);

// Shown when a newer server sends a kind the catalog of this page does not have yet.
const KIND_FALLBACK: Record<string, string> = {
  video: '视频',
  audio: '音频',
  photo: '照片',
  scan: '纸质材料扫描件',
  electronic_data: '电子数据',
  system_operation_data: '系统操作数据',
};

export const KIND_COLORS: Record<string, string> = {
  video: 'geekblue',
  audio: 'purple',
  photo: 'cyan',
  scan: 'gold',
  electronic_data: 'default',
  system_operation_data: 'default',
};

export const kindName = (kinds: readonly CatalogEntry[] | undefined, id: string): string =>
  kinds?.find((k) => k.id === id)?.name ?? KIND_FALLBACK[id] ?? id;

export const PROVIDER_FALLBACK: Record<string, string> = {
  agency: '执法人员摄录',
  party: '当事人提供',
  bystander: '现场其他人员提供',
};

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** 0 B, 999 B, 1.50 KB, 40.0 MB, 120 MB, 1.25 GB: three significant digits at most, binary units. */
export const formatBytes = (bytes: number): string => {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;

  return `${value.toFixed(digits)} ${UNITS[unit]}`;
};

/** A long hex digest in groups of eight, to read aloud or compare in parts; it wraps between groups. */
export const groupedHash = (hex: string): string => hex.match(/.{1,8}/g)?.join(' ') ?? hex;

/** The start and end of a long hex digest, enough to compare by eye: 3fa2c1d4…9c1d8e7f. */
export const shortHash = (hex: string, keep = 8): string =>
  hex.length <= keep * 2 + 1 ? hex : `${hex.slice(0, keep)}…${hex.slice(-keep)}`;

const SECONDS = 'YYYY-MM-DD HH:mm:ss';

/** 2026-11-20 09:30:00 – 09:45:10 within a day; both dates in full across midnight. Clips differ by seconds. */
export const recordedRangeText = (startedAt: string, endedAt: string | null): string => {
  const start = formatChinaDateTime(startedAt, SECONDS);
  if (!endedAt) return start;
  const end = formatChinaDateTime(endedAt, SECONDS);

  return end.slice(0, 10) === start.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
};

export type TagView = { label: string; color: string; tip: string | null };

/** AV-6: whether the file reached central storage within the agency's period, and by how much it missed it. */
export const uploadDeadlineView = (item: Pick<EvidenceItem, 'uploadDueAt' | 'uploadedAt' | 'isLate'>): TagView => {
  if (!item.uploadDueAt)
    return { label: '不适用上传时限', color: 'default', tip: '当事人或他人提供的文件、非音像资料不计上传时限' };
  const due = `应于 ${formatChinaDateTime(item.uploadDueAt)} 前上传`;
  if (!item.isLate) return { label: '按时上传', color: 'success', tip: due };
  const lateBy = (Date.parse(item.uploadedAt) - Date.parse(item.uploadDueAt)) / 1000;

  return {
    label: `超时 ${formatDuration(lateBy)}`,
    color: 'error',
    tip: `${due}，实际 ${formatChinaDateTime(item.uploadedAt)}`,
  };
};

/** RET-2: a tag for an original on its way out, or gone; null for one simply kept. */
export const disposalTag = (item: Pick<EvidenceItem, 'disposal'>): TagView | null => {
  switch (item.disposal?.status) {
    case 'disposed':
      return {
        label: '原件已销毁',
        color: 'default',
        tip: `保存期限届满后经审批销毁${item.disposal.decidedAt ? `（${formatChinaDateTime(item.disposal.decidedAt)}）` : ''}，描述信息与全过程记录保留`,
      };
    case 'pending':
      return { label: '待审批销毁', color: 'orange', tip: item.disposal.reason };
    default:
      return null;
  }
};

const RETENTION_CLASS_LABELS: Record<string, string> = {
  av_minimum: '音像资料最短保存期限',
  case_file: '随案卷保存',
};

/** RET-1: until when the original is kept, and why. */
export const retentionText = (retention: EvidenceItem['retention']): string => {
  if (!retention) return '未设定';
  const kind = RETENTION_CLASS_LABELS[retention.retentionClass] ?? retention.retentionClass;
  const reasons = retention.reasons.map((r) => r.name).join('、');

  return `保存至 ${retention.retainUntil}（${kind}${reasons ? `：${reasons}` : ''}）`;
};

/** What the player can show: the browser plays video and audio and shows images; other files open on their own. */
export const mediaElementOf = (mediaType: string): 'video' | 'audio' | 'image' | 'other' => {
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('audio/')) return 'audio';
  // HEIC and camera raw files are images that no browser shows.
  if (/^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(mediaType)) return 'image';

  return 'other';
};

export type CaseFinding = ContinuityFinding & { key: string };

/** A finding about two clips comes with each of them; the case shows it once, in the order first met. */
export const caseFindings = (items: readonly Pick<EvidenceItem, 'continuity'>[]): CaseFinding[] => {
  const seen = new Map<string, CaseFinding>();
  for (const item of items) {
    for (const finding of item.continuity) {
      const key = `${finding.code}:${finding.clipIds.join(',')}`;
      if (!seen.has(key)) seen.set(key, { ...finding, key });
    }
  }

  return [...seen.values()];
};

export const isUnexplainedGap = (finding: ContinuityFinding): boolean =>
  finding.code === 'gap' && finding.status === 'unexplained';

export const SEVERITY_ALERT: Record<ContinuitySeverity, 'error' | 'warning' | 'info'> = {
  blocking: 'error',
  warning: 'warning',
  notice: 'info',
};

/** The short tag a finding gets in the evidence list. */
export const findingTag = (finding: ContinuityFinding): TagView => {
  const duration = finding.seconds !== undefined ? formatDuration(Math.abs(finding.seconds)) : '';
  switch (finding.code) {
    case 'gap':
      return finding.status === 'explained'
        ? { label: `中断 ${duration} 已说明`, color: 'success', tip: finding.name }
        : { label: `中断 ${duration} 未说明`, color: 'error', tip: finding.name };
    case 'overlap':
      return { label: `时间重叠 ${duration}`, color: 'warning', tip: finding.name };
    case 'declared_mismatch':
      return { label: '填报时间不符', color: 'warning', tip: finding.name };
    case 'no_timing':
      return { label: '无时间信息', color: 'warning', tip: finding.name };
    case 'future_clock':
      return { label: '设备时间不准', color: 'warning', tip: finding.name };
    case 'after_the_fact':
      return { label: '疑似事后补录', color: 'warning', tip: finding.name };
    default:
      return { label: finding.name, color: finding.severity === 'blocking' ? 'error' : 'warning', tip: null };
  }
};

const timeOf = (iso: string | undefined): string => (iso ? formatChinaDateTime(iso, SECONDS) : '—');

/** One sentence for a finding, naming the files by `filenameOf`. */
export const findingText = (finding: ContinuityFinding, filenameOf: (id: string) => string): string => {
  const [first, second] = finding.clipIds.map((id) => `「${filenameOf(id)}」`);
  const seconds = Math.abs(finding.seconds ?? 0);
  switch (finding.code) {
    case 'gap':
      return `${first} 结束后至 ${second} 开始前未录制 ${formatDuration(seconds)}（${timeOf(finding.startedAt)} 至 ${timeOf(finding.endedAt)}）`;
    case 'overlap':
      return `${second} 开始时 ${first} 尚未结束，重叠 ${formatDuration(seconds)}（${timeOf(finding.startedAt)} 至 ${timeOf(finding.endedAt)}），请核对设备时间`;
    case 'declared_mismatch':
      return `${first} 文件记载的开始时间为 ${timeOf(finding.startedAt)}，填报为 ${timeOf(finding.declaredStartedAt)}，相差 ${formatDuration(seconds)}`;
    case 'no_timing':
      return `${first} 文件中没有${finding.missing?.includes('start') ? '开始时间' : ''}${finding.missing?.length === 2 ? '和' : ''}${finding.missing?.includes('duration') ? '时长' : ''}信息，无法核验连续性`;
    case 'future_clock':
      return `${first} 文件记载的开始时间 ${timeOf(finding.startedAt)} 晚于${finding.reference === 'upload' ? '上传时间' : '当前时间'} ${formatDuration(seconds)}`;
    case 'after_the_fact':
      return `${first} 开始于执法活动结束（${timeOf(finding.activityEndedAt)}）之后 ${formatDuration(seconds)}`;
    default:
      return `${finding.name}：${finding.clipIds.map(filenameOf).join('、')}`;
  }
};

/** The written explanation behind an explained gap, to show who gave it and when. */
export const statementFor = (finding: ContinuityFinding, statements: readonly GapStatement[]): GapStatement | null => {
  const interruption = finding.interruption;
  if (!interruption) return null;

  // The server takes the first complete statement after the clip, so the first match is the one in force.
  return (
    statements.find(
      (s) =>
        s.afterEvidenceId === interruption.afterClipId &&
        s.reason === interruption.reasonId &&
        s.text.trim() === interruption.text.trim(),
    ) ?? null
  );
};
