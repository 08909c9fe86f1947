import { describe, expect, it } from 'vitest';
import type { UnfinishedUpload } from '../../api/evidence';
import { findUnfinishedFor, isSameFile, resumeProblem } from './resume-match';

const upload = (id: string, filename: string, size: number): UnfinishedUpload => ({
  id,
  url: `/api/uploads/${id}`,
  filename,
  size,
  offset: Math.floor(size / 2),
  kind: 'video',
  createdAt: '2026-11-20T02:00:00.000Z',
  expiresAt: '2026-11-23T02:00:00.000Z',
});

describe('picking the file again to continue an upload after a reload (AV-7)', () => {
  const unfinished = [upload('u1', 'ZF03-0001.MP4', 41_943_040), upload('u2', 'ZF03-0002.MP4', 10_485_760)];

  it('matches by name and size, which is all the server knows before the bytes', () => {
    expect(isSameFile({ name: 'ZF03-0001.MP4', size: 41_943_040 }, unfinished[0]!)).toBe(true);
    expect(findUnfinishedFor({ name: 'ZF03-0002.MP4', size: 10_485_760 }, unfinished)?.id).toBe('u2');
    expect(findUnfinishedFor({ name: 'ZF03-0002.MP4', size: 10_485_761 }, unfinished)).toBeNull();
  });

  it('says why another file cannot continue the upload', () => {
    expect(resumeProblem({ name: 'ZF03-0001.MP4', size: 41_943_040 }, unfinished[0]!)).toBeNull();
    expect(resumeProblem({ name: 'other.mp4', size: 41_943_040 }, unfinished[0]!)).toBe(
      '所选文件「other.mp4」不是未完成上传的「ZF03-0001.MP4」，请选择原文件',
    );
    expect(resumeProblem({ name: 'ZF03-0001.MP4', size: 1000 }, unfinished[0]!)).toBe(
      '所选文件大小为 1000 B（1000 字节），与未完成上传的 40.0 MB（41943040 字节）不同，可能已被修改，请选择原文件',
    );
  });
});
