import type { UnfinishedUpload } from '../../api/evidence';
import { formatBytes } from './evidence-view';

/** What a browser tells of a picked file: its bytes are not read to match it. */
export type PickedFile = { name: string; size: number };

/**
 * AV-7: after a reload the browser no longer holds the file; the officer picks it again. The server knows its name and
 * declared size only, so that is what must agree; the digest of the whole still proves the content once it is in.
 */
export const isSameFile = (file: PickedFile, upload: Pick<UnfinishedUpload, 'filename' | 'size'>): boolean =>
  file.name === upload.filename && file.size === upload.size;

/** Why a picked file cannot continue this upload, in words for the officer; null when it can. */
export const resumeProblem = (file: PickedFile, upload: Pick<UnfinishedUpload, 'filename' | 'size'>): string | null => {
  if (isSameFile(file, upload)) return null;
  if (file.name !== upload.filename) {
    return `所选文件「${file.name}」不是未完成上传的「${upload.filename}」，请选择原文件`;
  }

  return `所选文件大小为 ${formatBytes(file.size)}（${file.size} 字节），与未完成上传的 ${formatBytes(upload.size)}（${upload.size} 字节）不同，可能已被修改，请选择原文件`;
};

/** The unfinished upload a picked file would continue, if any. */
export const findUnfinishedFor = (file: PickedFile, uploads: readonly UnfinishedUpload[]): UnfinishedUpload | null =>
  uploads.find((u) => isSameFile(file, u)) ?? null;
