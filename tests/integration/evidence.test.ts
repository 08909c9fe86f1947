import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCurrentRetention, listEvidenceOfCase } from '../../server/src/db/repos/evidence-repo';
import { createCase } from '../../server/src/use-cases/create-case';
import { explainRecordingGap, listCaseEvidence, openEvidenceContent } from '../../server/src/use-cases/case-evidence';
import { receiveUploadChunk } from '../../server/src/use-cases/receive-upload';
import { registerDevice } from '../../server/src/use-cases/register-device';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { startEvidenceUpload } from '../../server/src/use-cases/start-evidence-upload';
import type { UserActor } from '../../server/src/use-cases/context';
import { actorFor } from '../support/actors';
import { codeOf } from '../support/domain-error';
import { ffmpegMissingReason, makeClips } from '../support/media';
import { procedureWalker, type Team } from '../support/procedure-walk';
import { createTestContext, type TestContext } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestContext;
let team: Team;
let deviceId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-evidence-'));
const noFfmpeg = ffmpegMissingReason();
if (noFfmpeg) console.warn(`skipping the audio-video continuity tests: ${noFfmpeg}`);

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo({ ctx: t.ctx });
  team = {
    officer1: await actorFor(t.ctx, 'officer1'),
    officer2: await actorFor(t.ctx, 'officer2'),
    sectionhead1: await actorFor(t.ctx, 'sectionhead1'),
    head1: await actorFor(t.ctx, 'head1'),
    legal1: await actorFor(t.ctx, 'legal1'),
  };
  const keeper = await actorFor(t.ctx, 'devicekeeper1');
  ({ id: deviceId } = await registerDevice({
    ctx: t.ctx,
    actor: keeper,
    input: { kind: 'body_camera', serialNumber: 'ZF-EV-1', model: 'DSJ-V9', name: '执法记录仪' },
  }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Files one clip through the real upload path, in one request. */
const fileClip = async (actor: UserActor, caseId: string, recordId: string | null, clip: string, startedAt: string) => {
  const size = fs.statSync(clip).size;
  const upload = await startEvidenceUpload({
    ctx: t.ctx,
    evidence: t.evidence,
    actor,
    caseId,
    input: {
      kind: 'video',
      filename: path.basename(clip),
      size,
      recordId,
      recordedStartedAt: startedAt,
      place: '示范市新城区建设路18号',
      officerIds: [team.officer1.userId, team.officer2.userId],
      deviceId,
      focusItems: ['questioning'],
      providedBy: 'agency',
    },
  });
  const { evidenceId } = await receiveUploadChunk({
    ctx: t.ctx,
    evidence: t.evidence,
    actor,
    uploadId: upload.id,
    offset: 0,
    checksum: null,
    contentLength: size,
    body: fs.createReadStream(clip),
  });

  return evidenceId!;
};

describe.skipIf(noFfmpeg !== null)('audio-video of a questioning, its gaps and their explanation (AV-2, AV-4)', () => {
  it('blocks leaving the investigation while a gap is unexplained, and lets it go once explained', async () => {
    const { id: caseId } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ source: 'own_initiative' }),
    });
    const walk = procedureWalker(t.ctx, team, caseId);
    await walk.advance('filing');
    await walk.approveAll((await walk.record('filing_approval')).id);
    await walk.advance('investigation');
    // The questioning is filmed: no written reason in place of the recording this time.
    const questioning = await walk.record('questioning_record', { avReason: null });
    const blocked = (await walk.workspace()).findings.find((f) => f.ruleId === 'av-or-reason')!;
    expect(blocked.status).toBe('missing');

    // Two clips of the same questioning with 5 minutes between them.
    const clips = makeClips({
      dir,
      startedAt: '2026-11-20T01:00:00.000Z',
      clips: [{ seconds: 3 }, { seconds: 3, gapBeforeSeconds: 300 }],
    });
    t.clock.set('2026-11-20T03:00:00.000Z');
    const ids: string[] = [];
    for (const clip of clips)
      ids.push(await fileClip(team.officer1, caseId, questioning.id, clip.path, clip.startedAt));

    const workspace = await walk.workspace();
    expect(workspace.findings.find((f) => f.ruleId === 'av-or-reason')!.status).toBe('met');
    expect(workspace.findings.find((f) => f.ruleId === 'av-continuity')!.status).toBe('broken');
    const listed = await listCaseEvidence({ ctx: t.ctx, actor: team.officer1, caseId });
    const gap = listed.items[0]!.continuity.find((f) => f.code === 'gap')!;
    expect(gap).toMatchObject({ status: 'unexplained', seconds: 300, clipIds: ids });
    expect(listed.items.every((i) => !i.isLate)).toBe(true);
    expect(await codeOf(walk.advance('report'))).toBe('TRANSITION_BLOCKED');

    expect(
      await codeOf(
        explainRecordingGap({
          ctx: t.ctx,
          actor: team.officer1,
          evidenceId: ids[0]!,
          input: { reason: 'naptime', text: '' },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    await explainRecordingGap({
      ctx: t.ctx,
      actor: team.officer1,
      evidenceId: ids[0]!,
      input: { reason: 'low_battery', text: '执法记录仪电量不足，更换电池后继续录制' },
    });
    expect((await walk.workspace()).findings.find((f) => f.ruleId === 'av-continuity')!.status).toBe('met');
    await walk.advance('report');
  });

  it('AV-4 clips filed to the stage without naming a record are one activity; their gap blocks too', async () => {
    const { id: caseId } = await createCase({
      ctx: t.ctx,
      actor: team.officer1,
      input: newCaseInput({ source: 'own_initiative' }),
    });
    const walk = procedureWalker(t.ctx, team, caseId);
    await walk.advance('filing');
    await walk.approveAll((await walk.record('filing_approval')).id);
    await walk.advance('investigation');
    const clips = makeClips({
      dir,
      startedAt: '2026-11-20T05:00:00.000Z',
      clips: [{ seconds: 4 }, { seconds: 4, gapBeforeSeconds: 200 }],
    });
    t.clock.set('2026-11-20T07:00:00.000Z');
    const ids: string[] = [];
    for (const clip of clips) ids.push(await fileClip(team.officer1, caseId, null, clip.path, clip.startedAt));
    const finding = (await walk.workspace()).findings.find((f) => f.ruleId === 'av-continuity')!;
    expect(finding.status).toBe('broken');
    expect(finding.broken[0]!.message).toContain('未关联文字记录的音像记录有 1 处中断');
    await explainRecordingGap({
      ctx: t.ctx,
      actor: team.officer1,
      evidenceId: ids[0]!,
      input: { reason: 'storage_full', text: '存储卡已满，更换后继续录制' },
    });
    expect((await walk.workspace()).findings.find((f) => f.ruleId === 'av-continuity')!.status).toBe('met');
  });
});

describe('retention and access of an original (RET-1, ACCESS-4)', () => {
  it('keeps a penalty case’s photo as long as the case file, and logs each view and download', async () => {
    const { id: caseId } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput() });
    const photo = path.join(dir, 'scene.jpg');
    fs.writeFileSync(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 1)]));
    const upload = await startEvidenceUpload({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: team.officer1,
      caseId,
      input: {
        kind: 'photo',
        filename: 'scene.jpg',
        size: 2004,
        recordedStartedAt: '2026-11-20T09:00:00+08:00',
        officerIds: [team.officer1.userId],
        providedBy: 'agency',
      },
    });
    const { evidenceId } = await receiveUploadChunk({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: team.officer1,
      uploadId: upload.id,
      offset: 0,
      checksum: null,
      contentLength: 2004,
      body: fs.createReadStream(photo),
    });
    const [term] = await listCurrentRetention(t.ctx.db, [evidenceId!]);
    expect(term).toMatchObject({ retentionClass: 'case_file', retainUntil: '2056-12-31' });
    const [item] = await listEvidenceOfCase(t.ctx.db, caseId);
    expect(await t.evidence.store.retention(item!.blobSha256)).toMatchObject({ isLegalHold: false });

    const opened = await openEvidenceContent({
      ctx: t.ctx,
      evidence: t.evidence,
      actor: team.officer1,
      evidenceId: evidenceId!,
      action: 'view',
      range: { start: 0, end: 3 },
      isFirstRequest: true,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    // ACCESS-4: an officer may watch but not copy an original out.
    expect(
      await codeOf(
        openEvidenceContent({
          ctx: t.ctx,
          evidence: t.evidence,
          actor: team.officer1,
          evidenceId: evidenceId!,
          action: 'download',
          range: null,
          isFirstRequest: true,
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
