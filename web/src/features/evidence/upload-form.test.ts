import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../api/devices';
import {
  defaultDeviceId,
  fileProblem,
  guessKind,
  hasFocusItems,
  isOwnAv,
  newUploadFormValues,
  splitUploadErrors,
  timesAfter,
  toStartUploadRequest,
  type EvidenceUploadValues,
} from './upload-form';

const clip = { key: 'f1', file: { name: 'ZF03-0001.MP4', size: 41_943_040 } };

const values = (overrides: Partial<EvidenceUploadValues> = {}): EvidenceUploadValues => ({
  ...newUploadFormValues({
    stage: 'investigation',
    place: ' 示范市新城区建设路18号 ',
    partyName: '张三丰',
    officerIds: ['officer-1'],
    deviceId: 'device-3',
  }),
  focusItems: ['scene_environment', 'credentials_and_rights'],
  files: { f1: { startedAt: dayjs('2026-11-20 09:30:00'), endedAt: dayjs('2026-11-20 09:31:00') } },
  ...overrides,
});

describe('the upload form’s metadata for one file (AV-3, AV-8)', () => {
  it('builds the request with the file’s own times in China time and trimmed text', () => {
    expect(toStartUploadRequest(values({ note: '  ', latitude: 39.9, longitude: 116.4 }), clip)).toEqual({
      kind: 'video',
      filename: 'ZF03-0001.MP4',
      size: 41_943_040,
      stage: 'investigation',
      recordId: null,
      recordedStartedAt: '2026-11-20T09:30:00+08:00',
      recordedEndedAt: '2026-11-20T09:31:00+08:00',
      place: '示范市新城区建设路18号',
      latitude: 39.9,
      longitude: 116.4,
      officerIds: ['officer-1'],
      partyName: '张三丰',
      deviceId: 'device-3',
      focusItems: ['scene_environment', 'credentials_and_rights'],
      providedBy: 'agency',
      providerName: null,
      note: null,
    });
  });

  it('sends coordinates only as a pair, and no end when none was given', () => {
    const body = toStartUploadRequest(
      values({ latitude: 39.9, longitude: null, files: { f1: { startedAt: dayjs('2026-11-20 09:30:00') } } }),
      clip,
    );
    expect(body).toMatchObject({ latitude: null, longitude: null, recordedEndedAt: null });
  });

  it('names the provider only for a file the party or a bystander gave, with no agency device; no focus items for a scan', () => {
    const party = toStartUploadRequest(values({ providedBy: 'party', providerName: ' 张三丰 ' }), clip);
    expect(party).toMatchObject({ providedBy: 'party', providerName: '张三丰', deviceId: null });
    expect(toStartUploadRequest(values({ providerName: '张三丰' }), clip).providerName).toBeNull();
    expect(toStartUploadRequest(values({ kind: 'scan' }), clip).focusItems).toEqual([]);
    expect(hasFocusItems('photo')).toBe(true);
  });

  it('leaves a missing start empty for the server to refuse rather than inventing one', () => {
    expect(toStartUploadRequest(values({ files: {} }), clip).recordedStartedAt).toBe('');
  });

  it('requires a device and place of the agency’s own audio-video only', () => {
    expect(isOwnAv('video', 'agency')).toBe(true);
    expect(isOwnAv('video', 'party')).toBe(false);
    expect(isOwnAv('photo', 'agency')).toBe(false);
  });
});

describe('choosing files (AV-1, AV-7)', () => {
  it('guesses the kind from the type the browser reports', () => {
    expect(guessKind('video/mp4')).toBe('video');
    expect(guessKind('audio/x-m4a')).toBe('audio');
    expect(guessKind('image/jpeg')).toBe('photo');
    expect(guessKind('application/pdf')).toBe('scan');
    expect(guessKind('')).toBeNull();
  });

  it('refuses an empty or oversized file before any metadata is sent', () => {
    expect(fileProblem({ name: 'a.mp4', size: 0 }, 1024)).toBe('文件为空，不能作为证据');
    expect(fileProblem({ name: 'a.mp4', size: 2048 }, 1024)).toBe('文件大小 2.00 KB 超过允许上传的最大大小 1.00 KB');
    expect(fileProblem({ name: 'a.mp4', size: 1024 }, 1024)).toBeNull();
  });

  it('starts the next clip where the previous one ended', () => {
    const end = dayjs('2026-11-20 09:31:00');
    expect(timesAfter({ startedAt: dayjs('2026-11-20 09:30:00'), endedAt: end }).startedAt).toBe(end);
    expect(timesAfter({ startedAt: end, endedAt: null }).startedAt).toBe(end);
    expect(timesAfter(undefined)).toEqual({ startedAt: null, endedAt: null });
  });

  it('defaults to the device issued to the officer personally, last checked before use, else the section’s', () => {
    const device = (id: string, userId: string | null, state: DeviceSummary['state'] = 'assigned', checkedAt = '') =>
      ({
        id,
        state,
        holder: { userId, userName: null, sectionId: 's', sectionName: '执法支队' },
        lastCheck: checkedAt ? { checkedAt } : null,
      }) as DeviceSummary;
    expect(defaultDeviceId([device('d1', null), device('d2', 'me')], 'me')).toBe('d2');
    const checked = [
      device('d1', 'me', 'assigned', '2026-11-20T00:30:00.000Z'),
      device('d2', 'me'),
      device('d3', 'me', 'assigned', '2026-11-21T00:30:00.000Z'),
    ];
    expect(defaultDeviceId(checked, 'me')).toBe('d3');
    expect(defaultDeviceId([device('d1', null)], 'me')).toBe('d1');
    expect(defaultDeviceId([device('d1', 'me', 'retired')], 'me')).toBeNull();
    expect(defaultDeviceId([], 'me')).toBeNull();
  });
});

describe('the server’s refusal of the metadata, placed on the form', () => {
  it('puts shared fields by name, times on the file’s row, and file problems beside the form', () => {
    const split = splitUploadErrors(
      [
        { field: 'deviceId', code: 'INVALID_DEVICE', message: '执法记录设备不存在、已停用或不属于本机关' },
        { field: 'recordedStartedAt', code: 'DATE_IN_FUTURE', message: '日期不能晚于今天' },
        { field: 'size', code: 'EMPTY_FILE', message: '文件为空，不能作为证据' },
        { field: 'size', code: 'EMPTY_FILE', message: '文件为空，不能作为证据' },
      ],
      clip,
    );
    expect(split.formErrors).toEqual([
      { name: ['deviceId'], errors: ['执法记录设备不存在、已停用或不属于本机关'] },
      { name: ['files', 'f1', 'startedAt'], errors: ['日期不能晚于今天'] },
    ]);
    expect(split.otherMessages).toEqual(['「ZF03-0001.MP4」：文件为空，不能作为证据']);
  });
});
