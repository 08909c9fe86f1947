import { apiErrorOf, isApiError } from '../../api/http';
import { addSample, percentOf, progressText, speedOf, type ProgressSample } from './upload-progress';

// AV-7: one file on its way to the server, as the upload list shows it. The bytes themselves go by tus (tus-js-client);
// this is what the page keeps of them.

export type UploadTaskStatus = 'uploading' | 'paused' | 'finishing' | 'done' | 'failed' | 'cancelled';

export type UploadFailure = { code: string; message: string; canRetry: boolean };

export type UploadTask = {
  /** The upload's id on the server. */
  id: string;
  url: string;
  filename: string;
  size: number;
  kind: string;
  /** Bytes sent so far, counted from the start of the file. */
  sent: number;
  /** Where this session started sending from: more than 0 when continuing an earlier upload. */
  resumedFrom: number;
  samples: ProgressSample[];
  status: UploadTaskStatus;
  failure: UploadFailure | null;
  evidenceId: string | null;
};

export const newUploadTask = (input: {
  id: string;
  url: string;
  filename: string;
  size: number;
  kind: string;
  offset: number;
}): UploadTask => ({
  id: input.id,
  url: input.url,
  filename: input.filename,
  size: input.size,
  kind: input.kind,
  sent: input.offset,
  resumedFrom: input.offset,
  samples: [],
  status: 'uploading',
  failure: null,
  evidenceId: null,
});

/** A progress report from the client: bytes sent of the whole file at `at` (ms). */
export const withProgress = (task: UploadTask, sent: number, at: number): UploadTask => ({
  ...task,
  sent,
  samples: addSample(task.samples, { at, bytes: sent }),
  // Every byte is out; the server now stores the original and files it, which the last answer waits for.
  status: task.status === 'uploading' && sent >= task.size ? 'finishing' : task.status,
});

export const withStatus = (task: UploadTask, status: UploadTaskStatus): UploadTask => ({
  ...task,
  status,
  failure: status === 'failed' ? task.failure : null,
  // A pause or a retry measures speed afresh; the pause itself is no slow transfer.
  samples: status === 'uploading' ? [] : task.samples,
});

export const withSuccess = (task: UploadTask, evidenceId: string | null): UploadTask => ({
  ...task,
  sent: task.size,
  status: 'done',
  failure: null,
  evidenceId,
});

export const withFailure = (task: UploadTask, failure: UploadFailure): UploadTask => ({
  ...task,
  status: 'failed',
  failure,
  samples: [],
});

/** Refusals after which the upload can take no more bytes: the server has discarded it or never will file it. */
const FINAL_CODES = new Set([
  'TYPE_MISMATCH',
  'EMPTY_FILE',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_GONE',
  'UPLOAD_NOT_FOUND',
  'CASE_CLOSED',
  'FORBIDDEN',
]);

// What the officer can do about each refusal, after the server's own message.
const REMEDIES: Record<string, string> = {
  TYPE_MISMATCH: '请核对所选的证据类型后重新上传。',
  UPLOAD_TOO_LARGE: '请联系系统管理员调整上传大小上限。',
  UPLOAD_GONE: '请重新选择文件上传。',
  UNAUTHENTICATED: '请重新登录后从断点继续上传。',
  SESSION_EXPIRED: '请重新登录后从断点继续上传。',
};

/** The shape of tus-js-client's DetailedError that matters here: the server's answer, when there was one. */
type TusLikeError = { originalResponse?: { getStatus(): number; getBody(): string } | null };

/** Why an upload stopped, from a tus error or any other thrown value, in words for the officer. */
export const uploadFailureOf = (error: unknown): UploadFailure => {
  const response = (error as TusLikeError | null)?.originalResponse ?? null;
  const apiError = isApiError(error) ? error : response ? apiErrorOf(response.getStatus(), response.getBody()) : null;
  if (!apiError || apiError.status === 0) {
    return {
      code: 'NETWORK_ERROR',
      message: '网络中断，上传已停止。已收到的部分保存在服务器上，可点击「继续」从断点续传。',
      canRetry: true,
    };
  }
  const remedy = REMEDIES[apiError.code];

  return {
    code: apiError.code,
    message: remedy ? `${apiError.message}。${remedy}` : apiError.message,
    canRetry: !FINAL_CODES.has(apiError.code) && apiError.status !== 403,
  };
};

/** tus retries by itself on these: a lost connection, a busy or restarting server, an offset the server moved on. */
export const isTransientStatus = (status: number): boolean =>
  status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;

export const isActiveTask = (task: UploadTask): boolean => task.status === 'uploading' || task.status === 'finishing';

export const STATUS_LABELS: Record<UploadTaskStatus, string> = {
  uploading: '上传中',
  paused: '已暂停',
  finishing: '正在保存原件',
  done: '已完成',
  failed: '已停止',
  cancelled: '已取消',
};

/** The line under the progress bar. */
export const taskDetailText = (task: UploadTask): string => {
  switch (task.status) {
    case 'uploading':
      return progressText({ sent: task.sent, total: task.size, speed: speedOf(task.samples) });
    case 'finishing':
      return '文件已全部发送，正在校验哈希并写入只读存储…';
    case 'done':
      return `已上传 ${progressText({ sent: task.size, total: task.size, speed: null })}，已登记为证据`;
    case 'paused':
      return `已暂停于 ${percentOf(task.sent, task.size)}%（${progressText({ sent: task.sent, total: task.size, speed: null })}），已收到的部分保存在服务器上`;
    case 'cancelled':
      return '已取消，服务器上已收到的部分已丢弃';
    case 'failed':
      return task.failure?.message ?? '上传已停止';
  }
};
