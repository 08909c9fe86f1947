import {
  DomainError,
  validateEvidenceMetadata,
  type EvidenceMetadata,
  type EvidenceMetadataInput,
} from '@liuhen/domain';
import { findCaseById } from '../db/repos/case-repo';
import { findDevice, insertUpload, lastDeviceEvent } from '../db/repos/evidence-repo';
import { findCaseRecord, listStageChanges } from '../db/repos/record-repo';
import { listUsersOfAgency } from '../db/repos/user-repo';
import type { EvidenceServices } from '../ingest/evidence-services';
import { createStagedFile } from '../ingest/staging';
import { authorize } from '../policies/permissions';
import { definitionOf } from '../procedures/case-state';
import type { UseCaseContext, UserActor } from './context';

// Those who may be named as having made a recording (ORG-2); clerks and administrators are not.
const RECORDING_ROLES = new Set(['officer', 'lead_officer', 'section_head', 'agency_head', 'legal_reviewer']);

/** The metadata an upload carries, with the names it had when stated (a later rename does not rewrite evidence). */
export type StoredUploadMetadata = EvidenceMetadata & { officers: { userId: string; name: string }[] };

/**
 * AV-3, AV-7, SEC-3: states a file's metadata before its bytes are sent. Everything that can be checked without the
 * bytes is checked here, so a wrong time, officer, device, stage or record costs the uploader nothing; the answer is
 * the resumable upload the bytes go to.
 */
export const startEvidenceUpload = async ({
  ctx,
  evidence,
  actor,
  caseId,
  input,
}: {
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  actor: UserActor;
  caseId: string;
  input: EvidenceMetadataInput;
}) => {
  authorize(actor, 'evidence.upload');
  const now = ctx.clock.now();
  const found = await findCaseById(ctx.db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const caseRow = found.case;
  const definition = definitionOf(caseRow);
  const { metadata, problems } = validateEvidenceMetadata({ input, now, maxBytes: evidence.maxUploadBytes });
  const fields: { field: string; code: string }[] = [...problems];

  const visited = new Set([definition.initialStage, ...(await listStageChanges(ctx.db, caseId)).map((c) => c.toStage)]);
  const stage = metadata?.stage ?? caseRow.stage;
  if (!visited.has(stage)) fields.push({ field: 'stage', code: 'VALIDATION_FAILED' });
  if (definition.stages.find((s) => s.id === caseRow.stage)?.isTerminal) {
    throw new DomainError('CASE_CLOSED', { id: caseId });
  }
  if (metadata?.recordId) {
    const record = await findCaseRecord(ctx.db, metadata.recordId);
    if (!record || record.caseId !== caseId) fields.push({ field: 'recordId', code: 'RECORD_NOT_FOUND' });
  }
  const people = new Map((await listUsersOfAgency(ctx.db, actor.agencyId)).map((u) => [u.id, u]));
  const officers = (metadata?.officerIds ?? []).map((userId) => {
    const person = people.get(userId);
    if (!person || !person.isActive || !person.roles.some((r) => RECORDING_ROLES.has(r))) {
      fields.push({ field: 'officerIds', code: 'INVALID_OFFICER' });
    }

    return { userId, name: person?.displayName ?? '' };
  });
  if (metadata?.deviceId) {
    const device = await findDevice(ctx.db, metadata.deviceId);
    const last = device ? await lastDeviceEvent(ctx.db, device.id) : null;
    if (!device || device.agencyId !== actor.agencyId || last?.type === 'retired') {
      fields.push({ field: 'deviceId', code: 'INVALID_DEVICE' });
    }
  }
  if (fields.length > 0 || !metadata) {
    const codes = [...new Set(fields.map((f) => f.code))];
    const code = codes.length === 1 && codes[0] !== 'VALIDATION_FAILED' ? codes[0]! : 'VALIDATION_FAILED';
    throw new DomainError(code as 'VALIDATION_FAILED', { fields });
  }

  const id = ctx.newId();
  const stored: StoredUploadMetadata = {
    ...metadata,
    stage,
    officers: [...new Map(officers.map((o) => [o.userId, o])).values()],
  };
  const expiresAt = new Date(now.getTime() + evidence.uploadExpiryHours * 3_600_000);
  await createStagedFile(evidence.stagingDir, id);
  await insertUpload(ctx.db, {
    id,
    agencyId: actor.agencyId,
    caseId,
    createdBy: actor.userId,
    metadata: stored,
    filename: metadata.filename,
    declaredSize: metadata.size,
    receivedBytes: 0,
    hashState: null,
    hashedBytes: 0,
    status: 'receiving',
    refusal: null,
    evidenceId: null,
    createdAt: now,
    updatedAt: now,
    expiresAt,
  });

  return { id, offset: 0, size: metadata.size, expiresAt };
};
