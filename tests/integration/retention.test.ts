import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCurrentRetention } from '../../server/src/db/repos/evidence-repo';
import { ledgerEntries } from '../../server/src/db/schema';
import { listCaseEvidence, openEvidenceContent } from '../../server/src/use-cases/case-evidence';
import { changeEvidenceSettings } from '../../server/src/use-cases/change-evidence-settings';
import type { UserActor } from '../../server/src/use-cases/context';
import { createCase } from '../../server/src/use-cases/create-case';
import { decideEvidenceDisposal } from '../../server/src/use-cases/decide-evidence-disposal';
import { getEvidenceSettings } from '../../server/src/use-cases/get-evidence-settings';
import { listDisposalRequests } from '../../server/src/use-cases/list-disposal-requests';
import { placeLegalHold } from '../../server/src/use-cases/place-legal-hold';
import { previewDisposal } from '../../server/src/use-cases/preview-disposal';
import { receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { recordRetentionFact } from '../../server/src/use-cases/record-retention-fact';
import { registerDevice } from '../../server/src/use-cases/register-device';
import { releaseLegalHold } from '../../server/src/use-cases/release-legal-hold';
import { requestEvidenceDisposal } from '../../server/src/use-cases/request-evidence-disposal';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { startEvidenceUpload } from '../../server/src/use-cases/start-evidence-upload';
import { newCaseInput } from '../factories';
import { actorFor } from '../support/actors';
import { codeOf } from '../support/domain-error';
import { ffmpegMissingReason, makeClip } from '../support/media';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
let officer: UserActor;
let officer2: UserActor;
let archivist: UserActor;
let head: UserActor;
let legal: UserActor;
let deviceId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-retention-'));
const noFfmpeg = ffmpegMissingReason();
if (noFfmpeg) console.warn(`skipping the retention tests: ${noFfmpeg}`);

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo({ ctx: t.ctx });
  officer = await actorFor(t.ctx, 'officer1');
  officer2 = await actorFor(t.ctx, 'officer2');
  archivist = await actorFor(t.ctx, 'archivist1');
  head = await actorFor(t.ctx, 'head1');
  legal = await actorFor(t.ctx, 'legal1');
  ({ id: deviceId } = await registerDevice({
    ctx: t.ctx,
    actor: await actorFor(t.ctx, 'devicekeeper1'),
    input: { kind: 'body_camera', serialNumber: 'ZF-RET-1', model: 'DSJ-V9', name: '执法记录仪' },
  }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Recorded 2026-11-20 09:00 China time; six months of audio-video keep it through 2027-05-20.
const RECORDED_AT = '2026-11-20T01:00:00.000Z';
// ffmpeg makes the same bytes from the same parameters, and the store keeps identical content once: each test's clip
// has its own length.

/** An inspection, where audio-video alone keeps the six-month minimum (RET-1). */
const inspection = async () =>
  (
    await createCase({
      ctx: t.ctx,
      actor: officer,
      input: newCaseInput({ procedure: 'inspection', source: 'annual_plan' }),
    })
  ).id;

const fileVideo = async (caseId: string, clip: string) => {
  const size = fs.statSync(clip).size;
  const upload = await startEvidenceUpload({
    ctx: t.ctx,
    evidence: t.evidence,
    actor: officer,
    caseId,
    input: {
      kind: 'video',
      filename: path.basename(clip),
      size,
      recordedStartedAt: RECORDED_AT,
      place: '示范市新城区建设路18号',
      officerIds: [officer.userId],
      deviceId,
      focusItems: [],
      providedBy: 'agency',
    },
  });
  const { evidenceId } = await receiveUploadChunk({
    ctx: t.ctx,
    evidence: t.evidence,
    actor: officer,
    uploadId: upload.id,
    offset: 0,
    checksum: null,
    contentLength: size,
    body: fs.createReadStream(clip),
  });

  return evidenceId!;
};

const termOf = async (evidenceId: string) => (await listCurrentRetention(t.ctx.db, [evidenceId]))[0]!.retainUntil;
const ledgerTypes = async (caseId: string) => {
  await t.settle();

  return (await t.ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId))).map((e) => e.type);
};

describe.skipIf(noFfmpeg !== null)('retention facts, legal holds and the one disposal path (RET-1, RET-2)', () => {
  it('RET-1 a recorded objection keeps the case audio-video as long as the case file, previewed first', async () => {
    t.clock.set('2026-11-20T03:00:00.000Z');
    const caseId = await inspection();
    const evidenceId = await fileVideo(caseId, makeClip({ dir, seconds: 2, format: 'mp4', creationTime: RECORDED_AT }));
    expect(await termOf(evidenceId)).toBe('2027-05-20');

    const preview = await recordRetentionFact({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: archivist,
      caseId,
      input: { fact: 'objection' },
      isPreview: true,
    });
    // Inspection files are kept 10 years from the January after the recording.
    expect(preview).toMatchObject({
      factId: null,
      upgrades: [{ evidenceId, from: '2027-05-20', to: { retentionClass: 'case_file', retainUntil: '2036-12-31' } }],
    });
    expect(await termOf(evidenceId)).toBe('2027-05-20');

    // Bad input changes nothing.
    expect(
      await codeOf(
        recordRetentionFact({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: officer2,
          caseId,
          input: { fact: 'objection' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        recordRetentionFact({ ctx: t.ctx, evidence: t.evidence, actor: archivist, caseId, input: { fact: 'whim' } }),
      ),
    ).toBe('VALIDATION_FAILED');

    const recorded = await recordRetentionFact({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: archivist,
      caseId,
      input: { fact: 'objection', note: '当事人对检查结果当场提出异议' },
    });
    expect(recorded.factId).not.toBeNull();
    expect(await termOf(evidenceId)).toBe('2036-12-31');
    // The store locks the longer term too: the end of 2036-12-31 China time.
    const sha256 = (await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId })).items[0]!.item.blobSha256;
    expect((await t.evidence.store.retention(sha256))!.retainUntil!.toISOString()).toBe('2036-12-31T15:59:59.999Z');
    expect(await ledgerTypes(caseId)).toEqual(
      expect.arrayContaining(['retention.fact_recorded', 'evidence.retention_set']),
    );
    expect(
      await codeOf(
        recordRetentionFact({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: archivist,
          caseId,
          input: { fact: 'objection' },
        }),
      ),
    ).toBe('RETENTION_FACT_RECORDED');
    const listed = await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId });
    expect(listed.retentionFacts.map((f) => f.fact)).toEqual(['objection']);
    expect(listed.items[0]!.disposal.blockers).toEqual(['term_running']);
  });

  it('RET-2 a hold stops disposal after the term; the preview shows what its release frees; the head approves, not the requester', async () => {
    t.clock.set('2026-11-20T03:00:00.000Z');
    const caseId = await inspection();
    const evidenceId = await fileVideo(caseId, makeClip({ dir, seconds: 3, format: 'mp4', creationTime: RECORDED_AT }));
    const sha256 = (await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId })).items[0]!.item.blobSha256;

    // Within the term: nothing to request.
    expect(
      await codeOf(
        requestEvidenceDisposal({ ctx: t.ctx, actor: archivist, evidenceId, input: { reason: '保存期限届满' } }),
      ),
    ).toBe('DISPOSAL_NOT_DUE');

    const hold = await placeLegalHold({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: legal,
      caseId,
      input: { reason: '当事人已提起行政诉讼，案件材料保全' },
    });
    expect((await t.evidence.store.retention(sha256))!.isLegalHold).toBe(true);
    expect(
      await codeOf(
        placeLegalHold({ ctx: t.ctx, evidence: t.evidence, actor: officer, caseId, input: { reason: 'x' } }),
      ),
    ).toBe('FORBIDDEN');

    // The day after the last day of the term.
    t.clock.set('2027-05-21T02:00:00.000Z');
    expect(
      await codeOf(
        requestEvidenceDisposal({ ctx: t.ctx, actor: archivist, evidenceId, input: { reason: '保存期限届满' } }),
      ),
    ).toBe('EVIDENCE_UNDER_HOLD');
    const asIs = await previewDisposal({ ctx: t.ctx, actor: archivist, input: { asOf: '2027-05-21' } });
    expect(asIs.blocked.find((i) => i.evidenceId === evidenceId)).toMatchObject({ blockers: ['legal_hold'] });
    expect(asIs.disposable.some((i) => i.evidenceId === evidenceId)).toBe(false);
    const ifReleased = await previewDisposal({
      ctx: t.ctx,
      actor: archivist,
      input: { asOf: '2027-05-21', releaseHoldId: hold.id },
    });
    expect(ifReleased.disposable.find((i) => i.evidenceId === evidenceId)).toMatchObject({ isFreedByRelease: true });
    expect(await codeOf(previewDisposal({ ctx: t.ctx, actor: archivist, input: { asOf: '21/05/2027' } }))).toBe(
      'VALIDATION_FAILED',
    );

    await releaseLegalHold({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: legal,
      holdId: hold.id,
      input: { reason: '诉讼已终结，判决生效' },
    });
    expect((await t.evidence.store.retention(sha256))!.isLegalHold).toBe(false);
    expect(
      await codeOf(
        releaseLegalHold({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: legal,
          holdId: hold.id,
          input: { reason: '再次' },
        }),
      ),
    ).toBe('LEGAL_HOLD_RELEASED');

    // A head who requests may not approve his own request.
    const own = await requestEvidenceDisposal({
      ctx: t.ctx,
      actor: head,
      evidenceId,
      input: { reason: '保存期限届满，无保全' },
    });
    expect(
      await codeOf(
        decideEvidenceDisposal({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: head,
          requestId: own.requestId,
          input: { decision: 'approved', opinion: '同意' },
        }),
      ),
    ).toBe('DISPOSAL_SELF_APPROVAL');
    expect(
      await codeOf(
        requestEvidenceDisposal({ ctx: t.ctx, actor: archivist, evidenceId, input: { reason: '保存期限届满' } }),
      ),
    ).toBe('DISPOSAL_PENDING');
    // The archivist may not decide at all; nobody else may reject it for the head.
    expect(
      await codeOf(
        decideEvidenceDisposal({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: archivist,
          requestId: own.requestId,
          input: { decision: 'rejected', opinion: '不同意' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.evidence.store.stat(sha256)).not.toBeNull();
    expect((await listDisposalRequests({ ctx: t.ctx, actor: head, isPendingOnly: true }))[0]).toMatchObject({
      canDecide: false,
    });
  });

  it('RET-2 an approved disposal removes the bytes, keeps the description and history, and is final', async () => {
    t.clock.set('2026-11-20T03:00:00.000Z');
    const caseId = await inspection();
    const evidenceId = await fileVideo(caseId, makeClip({ dir, seconds: 4, format: 'mp4', creationTime: RECORDED_AT }));
    const sha256 = (await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId })).items[0]!.item.blobSha256;
    t.clock.set('2027-06-01T02:00:00.000Z');

    const rejected = await requestEvidenceDisposal({
      ctx: t.ctx,
      actor: archivist,
      evidenceId,
      input: { reason: '保存期限届满' },
    });
    await decideEvidenceDisposal({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: head,
      requestId: rejected.requestId,
      input: { decision: 'rejected', opinion: '该视频可能用于培训，暂不销毁' },
    });
    expect(await t.evidence.store.stat(sha256)).not.toBeNull();

    const request = await requestEvidenceDisposal({
      ctx: t.ctx,
      actor: archivist,
      evidenceId,
      input: { reason: '保存期限届满，未发现延长保存事由' },
    });
    expect(
      await codeOf(
        decideEvidenceDisposal({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: head,
          requestId: request.requestId,
          input: { decision: 'maybe', opinion: '同意' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const decided = await decideEvidenceDisposal({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: head,
      requestId: request.requestId,
      input: { decision: 'approved', opinion: '同意销毁' },
    });
    expect(decided).toMatchObject({ decision: 'approved', isContentRemoved: true });
    expect(await t.evidence.store.stat(sha256)).toBeNull();
    expect(
      await codeOf(
        decideEvidenceDisposal({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: head,
          requestId: request.requestId,
          input: { decision: 'approved', opinion: '同意' },
        }),
      ),
    ).toBe('DISPOSAL_ALREADY_DECIDED');
    expect(
      await codeOf(
        openEvidenceContent({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: head,
          evidenceId,
          action: 'view',
          range: null,
          isFirstRequest: true,
        }),
      ),
    ).toBe('EVIDENCE_DISPOSED');
    const listed = await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId });
    expect(listed.items[0]!.disposal.approved).not.toBeNull();
    expect(listed.items[0]!.disposal.blockers).toEqual(['disposed']);
    const types = await ledgerTypes(caseId);
    expect(types.filter((x) => x === 'evidence.disposal_requested')).toHaveLength(2);
    expect(types.filter((x) => x === 'evidence.disposal_decided')).toHaveLength(2);
    expect(types.filter((x) => x === 'evidence.disposed')).toHaveLength(1);
    await t.settle();
    const disposed = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.type, 'evidence.disposed')));
    expect(JSON.parse(disposed[0]!.payload)).toMatchObject({ evidenceId, sha256, approvedBy: head.userId });
  });

  it('RET-2 content filed to two cases stays while the other item keeps it', async () => {
    t.clock.set('2026-11-20T03:00:00.000Z');
    const clip = makeClip({ dir, seconds: 5, format: 'mp4', creationTime: RECORDED_AT, name: 'shared' });
    const first = await fileVideo(await inspection(), clip);
    const secondCase = await inspection();
    await fileVideo(secondCase, clip);
    await recordRetentionFact({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: archivist,
      caseId: secondCase,
      input: { fact: 'complaint' },
    });
    t.clock.set('2027-06-01T02:00:00.000Z');
    const request = await requestEvidenceDisposal({
      ctx: t.ctx,
      actor: archivist,
      evidenceId: first,
      input: { reason: '保存期限届满' },
    });
    // The store still holds the bytes for the other case's longer term; the item is disposed, the bytes stay.
    const decided = await decideEvidenceDisposal({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: head,
      requestId: request.requestId,
      input: { decision: 'approved', opinion: '同意' },
    });
    expect(decided.isContentRemoved).toBe(false);
    const sha256 = (await listCaseEvidence({ ctx: t.ctx, actor: archivist, caseId: secondCase })).items[0]!.item
      .blobSha256;
    expect(await t.evidence.store.stat(sha256)).not.toBeNull();
  });
});

describe('evidence settings (AV-4, AV-6)', () => {
  it('AV-6 the head picks one of the three upload limits; bad values change nothing', async () => {
    const before = await getEvidenceSettings({ ctx: t.ctx, actor: head });
    expect(before).toMatchObject({ avUpload: 'within_24_hours', maxGapSeconds: 60 });
    expect(before.presets.map((p) => p.id)).toEqual([
      'within_24_hours',
      'within_2_working_days',
      'by_end_of_working_day',
    ]);
    expect(
      await codeOf(
        changeEvidenceSettings({
          ctx: t.ctx,
          actor: officer,
          input: { avUpload: 'within_2_working_days', maxGapSeconds: 30 },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        changeEvidenceSettings({ ctx: t.ctx, actor: head, input: { avUpload: 'whenever', maxGapSeconds: 30 } }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        changeEvidenceSettings({
          ctx: t.ctx,
          actor: head,
          input: { avUpload: 'within_2_working_days', maxGapSeconds: 86_400 },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await getEvidenceSettings({ ctx: t.ctx, actor: head })).toMatchObject({ avUpload: 'within_24_hours' });

    const changed = await changeEvidenceSettings({
      ctx: t.ctx,
      actor: head,
      input: { avUpload: 'within_2_working_days', maxGapSeconds: 30 },
    });
    expect(changed).toMatchObject({ avUpload: 'within_2_working_days', maxGapSeconds: 30 });
    await t.settle();
    const entries = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.type, 'agency.evidence_settings_changed'));
    expect(entries).toHaveLength(1);
    await changeEvidenceSettings({
      ctx: t.ctx,
      actor: head,
      input: { avUpload: 'within_24_hours', maxGapSeconds: 60 },
    });
  });
});
