import { describe, expect, it } from 'vitest';
import type { ContinuityFinding, GapStatement } from '../../api/evidence';
import {
  caseFindings,
  disposalTag,
  findingTag,
  findingText,
  formatBytes,
  groupedHash,
  isAvKind,
  kindName,
  mediaElementOf,
  recordedRangeText,
  retentionText,
  shortHash,
  statementFor,
  uploadDeadlineView,
} from './evidence-view';

const gap = (status: 'explained' | 'unexplained', clipIds = ['a', 'b']): ContinuityFinding => ({
  code: 'gap',
  name: '音像记录中断',
  severity: status === 'explained' ? 'notice' : 'blocking',
  clipIds,
  citations: [],
  status,
  startedAt: '2026-11-20T01:30:20.000Z',
  endedAt: '2026-11-20T01:33:00.000Z',
  seconds: 160,
  interruption: status === 'explained' ? { afterClipId: 'a', reasonId: 'low_battery', text: '更换电池' } : null,
});

describe('evidence display (AV-1, AV-3, AV-7)', () => {
  it('gives sizes in binary units with three significant digits at most', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(40 * 1024 * 1024)).toBe('40.0 MB');
    expect(formatBytes(120 * 1024 * 1024)).toBe('120 MB');
    expect(formatBytes(20 * 1024 ** 3)).toBe('20.0 GB');
  });

  it('shortens a SHA-256 to its two ends, and leaves a short value whole', () => {
    const hex = 'a'.repeat(28) + '0123456789' + 'f'.repeat(26);
    expect(shortHash(hex)).toBe('aaaaaaaa…ffffffff');
    expect(shortHash('abc')).toBe('abc');
    expect(groupedHash('0123456789abcdef01234567')).toBe('01234567 89abcdef 01234567');
  });

  it('names kinds from the catalog, else by a fallback, else by their id', () => {
    expect(kindName([{ id: 'video', name: '视频录像', citations: [] }], 'video')).toBe('视频录像');
    expect(kindName(undefined, 'scan')).toBe('纸质材料扫描件');
    expect(kindName(undefined, 'hologram')).toBe('hologram');
    expect(isAvKind('audio')).toBe(true);
    expect(isAvKind('photo')).toBe(false);
    expect(isAvKind(undefined)).toBe(false);
  });

  it('shows the recorded time in China time, the end date only when it differs', () => {
    expect(recordedRangeText('2026-11-20T01:30:00.000Z', '2026-11-20T01:45:10.000Z')).toBe(
      '2026-11-20 09:30:00 – 09:45:10',
    );
    expect(recordedRangeText('2026-11-20T15:50:00.000Z', '2026-11-20T16:10:00.000Z')).toBe(
      '2026-11-20 23:50:00 – 2026-11-21 00:10:00',
    );
    expect(recordedRangeText('2026-11-20T01:30:00.000Z', null)).toBe('2026-11-20 09:30:00');
  });

  it('says whether the file reached storage in time and by how much it was late (AV-6)', () => {
    const due = '2026-11-21T01:30:00.000Z';
    expect(
      uploadDeadlineView({ uploadDueAt: due, uploadedAt: '2026-11-20T03:00:00.000Z', isLate: false }),
    ).toMatchObject({
      label: '按时上传',
      color: 'success',
      tip: '应于 2026-11-21 09:30 前上传',
    });
    expect(
      uploadDeadlineView({ uploadDueAt: due, uploadedAt: '2026-11-22T04:35:00.000Z', isLate: true }),
    ).toMatchObject({ label: '超时 1 天 3 小时', color: 'error' });
    expect(uploadDeadlineView({ uploadDueAt: null, uploadedAt: due, isLate: false }).label).toBe('不适用上传时限');
  });

  it('states the retention term with its reasons (RET-1)', () => {
    expect(retentionText(null)).toBe('未设定');
    expect(
      retentionText({
        retentionClass: 'case_file',
        retainUntil: '2057-12-31',
        reasons: [{ id: 'penalty', name: '行政处罚案件证据' }],
      }),
    ).toBe('保存至 2057-12-31（随案卷保存：行政处罚案件证据）');
  });

  it('marks an original disposed of at the end of its term, or waiting for that approval (RET-2)', () => {
    expect(disposalTag({})).toBeNull();
    expect(disposalTag({ disposal: { status: 'kept', reason: null, requestedAt: null, decidedAt: null } })).toBeNull();
    expect(
      disposalTag({ disposal: { status: 'pending', reason: '期限届满', requestedAt: null, decidedAt: null } }),
    ).toMatchObject({ label: '待审批销毁', tip: '期限届满' });
    expect(
      disposalTag({
        disposal: { status: 'disposed', reason: '期限届满', requestedAt: null, decidedAt: '2027-06-01T02:00:00.000Z' },
      })?.tip,
    ).toBe('保存期限届满后经审批销毁（2027-06-01 10:00），描述信息与全过程记录保留');
  });

  it('plays video and audio, shows common images, and opens anything else on its own', () => {
    expect(mediaElementOf('video/mp4')).toBe('video');
    expect(mediaElementOf('audio/mp4')).toBe('audio');
    expect(mediaElementOf('image/jpeg')).toBe('image');
    expect(mediaElementOf('image/heic')).toBe('other');
    expect(mediaElementOf('application/pdf')).toBe('other');
  });
});

describe('continuity findings (AV-4)', () => {
  it('shows a finding about two clips once for the case', () => {
    const shared = gap('unexplained');
    const items = [{ continuity: [shared] }, { continuity: [shared, { ...gap('unexplained', ['b', 'c']) }] }];
    expect(caseFindings(items).map((f) => f.key)).toEqual(['gap:a,b', 'gap:b,c']);
  });

  it('tags a gap by whether it is explained, with its length', () => {
    expect(findingTag(gap('unexplained'))).toMatchObject({ label: '中断 2 分 40 秒 未说明', color: 'error' });
    expect(findingTag(gap('explained'))).toMatchObject({ label: '中断 2 分 40 秒 已说明', color: 'success' });
    expect(
      findingTag({ code: 'no_timing', name: '文件无时间信息', severity: 'warning', clipIds: ['a'], citations: [] })
        .label,
    ).toBe('无时间信息');
  });

  it('describes a finding in one sentence naming the files', () => {
    const names: Record<string, string> = { a: 'ZF03-01.MP4', b: 'ZF03-02.MP4' };
    expect(findingText(gap('unexplained'), (id) => names[id] ?? id)).toBe(
      '「ZF03-01.MP4」 结束后至 「ZF03-02.MP4」 开始前未录制 2 分 40 秒（2026-11-20 09:30:20 至 2026-11-20 09:33:00）',
    );
    expect(
      findingText(
        {
          code: 'no_timing',
          name: '文件无时间信息',
          severity: 'warning',
          clipIds: ['a'],
          citations: [],
          missing: ['start', 'duration'],
        },
        (id) => names[id] ?? id,
      ),
    ).toBe('「ZF03-01.MP4」 文件中没有开始时间和时长信息，无法核验连续性');
  });

  it('finds the statement that explains a gap, the first complete one as the server takes it', () => {
    const statement = (id: string, text: string): GapStatement => ({
      id,
      afterEvidenceId: 'a',
      reason: 'low_battery',
      text,
      createdBy: { id: 'u', displayName: '王明' },
      createdAt: '2026-11-20T03:00:00.000Z',
    });
    const statements = [statement('s1', '其他'), statement('s2', '更换电池'), statement('s3', '更换电池')];
    expect(statementFor(gap('explained'), statements)?.id).toBe('s2');
    expect(statementFor(gap('unexplained'), statements)).toBeNull();
  });
});
