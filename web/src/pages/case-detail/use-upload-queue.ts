import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Upload, type DetailedError } from 'tus-js-client';
import { cancelEvidenceUpload, refreshCaseEvidence } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import { queryKeys } from '../../api/query-keys';
import {
  isActiveTask,
  isTransientStatus,
  newUploadTask,
  uploadFailureOf,
  withFailure,
  withProgress,
  withStatus,
  withSuccess,
  type UploadTask,
} from '../../features/evidence/upload-task';

/**
 * AV-7: a request carries up to this much; a lost connection costs at most one chunk, and the server keeps what
 * arrived of it anyway. Large enough that a multi-gigabyte file needs few requests.
 */
export const UPLOAD_CHUNK_BYTES = 64 * 1024 * 1024;

// Progress events come many times a second; the list is redrawn at most this often while bytes flow.
const REDRAW_MS = 200;

type Entry = { upload: Upload; lastDrawnAt: number };

export type UploadQueue = {
  tasks: UploadTask[];
  /** Sends `file` to an upload the server has just opened for it, or continues one from its offset. */
  send: (target: { id: string; url: string; offset: number; kind: string }, file: File) => void;
  pause: (id: string) => void;
  resume: (id: string) => void;
  cancel: (id: string) => Promise<void>;
  dismiss: (id: string) => void;
};

/**
 * The files this page is sending, each through tus-js-client to the URL the server gave for it (no tus creation: the
 * metadata was stated first). Leaving the page stops them; the server keeps what arrived, to continue after a reload.
 */
export const useUploadQueue = (caseId: string): UploadQueue => {
  const queryClient = useQueryClient();
  const [all, setTasks] = useState<(UploadTask & { caseId: string })[]>([]);
  // The page stays mounted from one case to another (back and forward): each case shows its own uploads.
  const tasks = all.filter((t) => t.caseId === caseId);
  const entries = useRef(new Map<string, Entry>());

  const update = useCallback((id: string, change: (task: UploadTask) => UploadTask) => {
    setTasks((list) => list.map((t) => (t.id === id ? { ...change(t), caseId: t.caseId } : t)));
  }, []);

  const send = useCallback<UploadQueue['send']>(
    (target, file) => {
      void entries.current.get(target.id)?.upload.abort(false);
      const task = newUploadTask({
        id: target.id,
        url: target.url,
        filename: file.name,
        size: file.size,
        kind: target.kind,
        offset: target.offset,
      });
      setTasks((list) => [{ ...task, caseId }, ...list.filter((t) => t.id !== target.id)]);
      const upload = new Upload(file, {
        uploadUrl: new URL(target.url, window.location.origin).href,
        uploadSize: file.size,
        chunkSize: UPLOAD_CHUNK_BYTES,
        retryDelays: [0, 1000, 3000, 5000, 10_000],
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        onShouldRetry: (error: DetailedError) => isTransientStatus(error.originalResponse?.getStatus() ?? 0),
        onProgress: (sent) => {
          const entry = entries.current.get(target.id);
          const now = Date.now();
          if (!entry || (now - entry.lastDrawnAt < REDRAW_MS && sent < file.size)) return;
          entry.lastDrawnAt = now;
          update(target.id, (t) => withProgress(t, sent, now));
        },
        onSuccess: ({ lastResponse }) => {
          entries.current.delete(target.id);
          update(target.id, (t) => withSuccess(t, lastResponse.getHeader('Liuhen-Evidence-Id') ?? null));
          void refreshCaseEvidence(queryClient, caseId);
        },
        onError: (error) => {
          update(target.id, (t) => withFailure(t, uploadFailureOf(error)));
          // A refused file is gone from the server: the list of unfinished uploads changes too.
          void queryClient.invalidateQueries({ queryKey: queryKeys.caseUploads(caseId) });
        },
      });
      entries.current.set(target.id, { upload, lastDrawnAt: 0 });
      upload.start();
    },
    [caseId, queryClient, update],
  );

  const pause = useCallback(
    (id: string) => {
      // Without termination: the bytes already sent stay on the server for the resume.
      void entries.current.get(id)?.upload.abort(false);
      update(id, (t) => withStatus(t, 'paused'));
    },
    [update],
  );

  const resume = useCallback(
    (id: string) => {
      const entry = entries.current.get(id);
      if (!entry) return;
      update(id, (t) => withStatus(t, 'uploading'));
      // tus asks the server for its offset first (HEAD) and sends only the rest.
      entry.upload.start();
    },
    [update],
  );

  const cancel = useCallback(
    async (id: string) => {
      const entry = entries.current.get(id);
      entries.current.delete(id);
      await entry?.upload.abort(false);
      const task = tasks.find((t) => t.id === id);
      if (task) {
        try {
          await cancelEvidenceUpload(task.url);
          update(id, (t) => withStatus(t, 'cancelled'));
        } catch (error) {
          update(id, (t) => withFailure(t, { code: 'CANCEL_FAILED', message: errorMessageOf(error), canRetry: false }));
        }
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseUploads(caseId) });
    },
    [caseId, queryClient, tasks, update],
  );

  const dismiss = useCallback((id: string) => {
    entries.current.delete(id);
    setTasks((list) => list.filter((t) => t.id !== id));
  }, []);

  // Closing or reloading the tab mid-transfer loses nothing on the server, but the officer would have to pick the
  // file again: the browser asks first.
  const isSending = all.some(isActiveTask);
  useEffect(() => {
    if (!isSending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);

    return () => window.removeEventListener('beforeunload', warn);
  }, [isSending]);

  useEffect(() => {
    const live = entries.current;

    return () => {
      const stopped = new Set(live.keys());
      for (const entry of live.values()) void entry.upload.abort(false);
      live.clear();
      // They come back among the server's unfinished uploads, to continue by picking the file again.
      setTasks((list) => list.filter((t) => !stopped.has(t.id)));
    };
  }, [caseId]);

  return { tasks, send, pause, resume, cancel, dismiss };
};
