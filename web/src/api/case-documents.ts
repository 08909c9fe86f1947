import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './http';
import { refreshCase } from './workspace';
import type {
  CaseDocument,
  RecordAttachment,
  RecordSignature,
  SignatureMethod,
  SignatureRole,
} from './workspace-types';

const recordPath = (caseId: string, recordId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/records/${encodeURIComponent(recordId)}`;

export const documentUrl = (documentId: string, format: 'pdf' | 'docx') =>
  `/api/documents/${encodeURIComponent(documentId)}/${format}`;

/** DOC-2: generates (or finds, when nothing changed) the record's standard document. */
export const useGenerateDocument = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (recordId: string) =>
      request<CaseDocument & { isNew: boolean }>('POST', `${recordPath(caseId, recordId)}/documents`),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};

export type SignatureRequest = {
  role: SignatureRole;
  method: SignatureMethod;
  signerName?: string;
  imagePng?: string;
  scanEvidenceId?: string;
};

/** DOC-4: a signature on a record (an officer's electronic one, or handwriting on the tablet or scanned paper). */
export const useSignRecord = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: SignatureRequest }) =>
      request<RecordSignature>('POST', `${recordPath(caseId, recordId)}/signatures`, body),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};

/** SERVE-1: files an uploaded scan as a proof of service of the receipt. */
export const useLinkAttachment = (caseId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ recordId, evidenceId, kind }: { recordId: string; evidenceId: string; kind: string }) =>
      request<RecordAttachment>('POST', `${recordPath(caseId, recordId)}/attachments`, { evidenceId, kind }),
    onSuccess: () => refreshCase(queryClient, caseId),
  });
};
