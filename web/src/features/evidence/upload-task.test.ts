import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import {
  isActiveTask,
  isTransientStatus,
  newUploadTask,
  taskDetailText,
  uploadFailureOf,
  withFailure,
  withProgress,
  withStatus,
  withSuccess,
} from './upload-task';

const MB = 1024 * 1024;
const task = (offset = 0) =>
  newUploadTask({ id: 'u1', url: '/api/uploads/u1', filename: 'ZF03.MP4', size: 40 * MB, kind: 'video', offset });

const tusError = (status: number, body: string) => ({
  originalResponse: { getStatus: () => status, getBody: () => body },
});

describe('one file on its way (AV-7)', () => {
  it('counts bytes from the start of the file, continuing from the server’s offset', () => {
    const resumed = task(25 * MB);
    expect(resumed).toMatchObject({ sent: 25 * MB, resumedFrom: 25 * MB, status: 'uploading' });
    const moved = withProgress(withProgress(resumed, 26 * MB, 0), 30 * MB, 2000);
    expect(taskDetailText(moved)).toBe('30.0 MB / 40.0 MB · 2.00 MB/s · 剩余约 5 秒');
  });

  it('waits for the server to file the original once every byte is out', () => {
    const sent = withProgress(task(), 40 * MB, 1000);
    expect(sent.status).toBe('finishing');
    expect(isActiveTask(sent)).toBe(true);
    const done = withSuccess(sent, 'evidence-1');
    expect(done).toMatchObject({ status: 'done', evidenceId: 'evidence-1', sent: 40 * MB });
    expect(isActiveTask(done)).toBe(false);
  });

  it('measures speed afresh after a pause', () => {
    const paused = withStatus(withProgress(withProgress(task(), MB, 0), 4 * MB, 1000), 'paused');
    expect(taskDetailText(paused)).toBe('已暂停于 10%（4.00 MB / 40.0 MB），已收到的部分保存在服务器上');
    expect(withStatus(paused, 'uploading').samples).toEqual([]);
  });
});

describe('why an upload stopped, in words for the officer', () => {
  it('reads the server’s refusal from a tus error and says what to do', () => {
    const refused = uploadFailureOf(
      tusError(415, '{"code":"TYPE_MISMATCH","message":"文件内容与声明的证据类型不符，未予保存"}'),
    );
    expect(refused).toEqual({
      code: 'TYPE_MISMATCH',
      message: '文件内容与声明的证据类型不符，未予保存。请核对所选的证据类型后重新上传。',
      canRetry: false,
    });
    expect(uploadFailureOf(tusError(410, '{"code":"UPLOAD_GONE","message":"上传任务已结束"}')).canRetry).toBe(false);
    expect(uploadFailureOf(new ApiError(413, 'UPLOAD_TOO_LARGE', '文件超过允许上传的最大大小')).canRetry).toBe(false);
  });

  it('lets a lost connection or a busy server be continued from the break', () => {
    expect(uploadFailureOf(new Error('tus: failed to upload chunk'))).toMatchObject({
      code: 'NETWORK_ERROR',
      canRetry: true,
    });
    expect(uploadFailureOf(tusError(0, ''))).toMatchObject({ code: 'NETWORK_ERROR', canRetry: true });
    expect(uploadFailureOf(tusError(503, 'Service Unavailable'))).toMatchObject({ code: 'HTTP_503', canRetry: true });
    const failed = withFailure(task(), uploadFailureOf(tusError(503, '')));
    expect(taskDetailText(failed)).toBe('服务暂时不可用（503），请稍后重试');
  });

  it('leaves to tus the retries of transient answers only', () => {
    expect([0, 409, 423, 429, 500, 503].every(isTransientStatus)).toBe(true);
    expect([400, 403, 404, 410, 413, 415, 460].some(isTransientStatus)).toBe(false);
  });
});
