import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { popplerMissingReason } from '../../server/src/docgen/poppler';
import { createCase } from '../../server/src/use-cases/create-case';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { newCaseInput } from '../factories';
import { actorFor } from '../support/actors';
import { procedureWalker, type Team } from '../support/procedure-walk';
import { signaturePng } from '../support/signature-png';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;
let team: Team;
const cookies: Record<string, string> = {};

const call = (method: 'GET' | 'POST', url: string, as: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[as]!, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  for (const name of ['officer1', 'legal1', 'head1', 'deputy1', 'supervisor1', 'sysadmin1'])
    cookies[name] = await t.login(name);
  team = {
    officer1: await actorFor(t.ctx, 'officer1'),
    officer2: await actorFor(t.ctx, 'officer2'),
    sectionhead1: await actorFor(t.ctx, 'sectionhead1'),
    head1: await actorFor(t.ctx, 'head1'),
    legal1: await actorFor(t.ctx, 'legal1'),
  };
});
afterAll(() => t.close());

const POINTS = ['subject', 'facts', 'procedure', 'law', 'ultra_vires', 'documents', 'crime', 'other'];

describe('legal review, documents and signatures over HTTP (REVIEW-2, REVIEW-3, DOC-2, DOC-4)', () => {
  it('submits, reviews, decides, generates the decision as PDF and DOCX, and refuses bad input changing nothing', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ source: 'complaint' }) });
    const walk = procedureWalker(t.ctx, team, id);
    await walk.record('complaint_registration');
    await walk.advance('filing');
    await walk.approveAll((await walk.record('filing_approval')).id);
    await walk.advance('investigation');
    const questioning = await walk.record('questioning_record');
    await walk.advance('report');
    const report = await walk.record('investigation_report');
    await walk.advance('notification');
    await walk.record('advance_notice');
    await walk.record('statement_defence_record');
    await walk.advance('review');
    const draft = await walk.record('decision_draft', {
      content: { partyType: 'organization', proposedPenaltyKinds: ['fine'], proposedAmount: '200000' },
    });
    await walk.approveAll(draft.id);

    let review = (await call('GET', `/api/cases/${id}/legal-review`, 'officer1')).json();
    expect(review).toMatchObject({ isMajorDecision: true, status: 'not_submitted', can: { submit: true } });

    // Bad input: a clear code and a Chinese message, and no ledger entry.
    const before = await countLedgerEntries(t.ctx.db);
    const bad = await call('POST', `/api/cases/${id}/legal-review`, 'officer1', { proposal: '', materials: [] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'REVIEW_MATERIALS_MISSING' });
    expect(bad.json().message).toMatch(/送审材料/);
    const wrongShape = await call('POST', `/api/cases/${id}/legal-review`, 'officer1', { proposal: 1 });
    expect(wrongShape.statusCode).toBe(400);
    expect(await countLedgerEntries(t.ctx.db)).toBe(before);

    const submitted = await call('POST', `/api/cases/${id}/legal-review`, 'officer1', {
      proposal: '拟对当事人处以罚款二十万元。',
      materials: [
        { material: 'investigation_report', recordIds: [report.id] },
        { material: 'draft_decision', recordIds: [draft.id] },
        { material: 'basis_and_evidence', recordIds: [questioning.id] },
      ],
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const submissionId = submitted.json().id as string;
    const opinion = await call('POST', `/api/legal-reviews/${submissionId}/opinion`, 'legal1', {
      points: POINTS.map((point) => ({ point, finding: 'no_issue' })),
      conclusion: 'approve',
      reasons: '主体合法，事实清楚，证据确凿，程序合法，裁量适当，文书规范。',
    });
    expect(opinion.statusCode, opinion.body).toBe(201);
    review = (await call('GET', `/api/cases/${id}/legal-review`, 'officer1')).json();
    expect(review).toMatchObject({ status: 'approved', canDecide: true });

    // The opinion document is filed in the case and renders as a PDF of its own.
    const opinionRecordId = opinion.json().recordId as string;
    const opinionDoc = await call('POST', `/api/cases/${id}/records/${opinionRecordId}/documents`, 'legal1');
    expect(opinionDoc.statusCode, opinionDoc.body).toBe(201);

    await walk.approveAll((await walk.record('sign_off')).id);
    await walk.record('collective_discussion_record');
    await walk.advance('decision');
    const decision = await walk.record('penalty_decision', {
      content: { documentNumber: '示住建罚〔2026〕8号', penaltyKinds: ['fine'], fineAmount: '200000' },
    });
    // DOC-4: the officers sign electronically before the decision is issued.
    const signed = await call('POST', `/api/cases/${id}/records/${decision.id}/signatures`, 'officer1', {
      role: 'officer',
      method: 'electronic',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (
        await call('POST', `/api/cases/${id}/records/${decision.id}/signatures`, 'officer1', {
          role: 'officer',
          method: 'electronic',
        })
      ).statusCode,
    ).toBe(409);

    const generated = await call('POST', `/api/cases/${id}/records/${decision.id}/documents`, 'officer1');
    expect(generated.statusCode, generated.body).toBe(201);
    const document = generated.json();
    expect(document).toMatchObject({ title: '行政处罚决定书', documentNumber: '示住建罚〔2026〕8号' });
    // Same input, same bytes: asking again answers the same document.
    const again = await call('POST', `/api/cases/${id}/records/${decision.id}/documents`, 'officer1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(document.id);

    const pdf = await call('GET', `/api/documents/${document.id}/pdf`, 'officer1');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await call('GET', `/api/documents/${document.id}/docx`, 'officer1');
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    if (popplerMissingReason() === null) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-doc-')), 'decision.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('行政处罚决定书');
      expect(text).toContain('示住建罚〔2026〕8号');
      expect(text).toContain('王明');
    }
    expect((await call('GET', `/api/documents/${document.id}/pdf`, 'sysadmin1')).statusCode).toBe(403);
    expect((await call('GET', `/api/documents/00000000-0000-0000-0000-000000000000/pdf`, 'officer1')).statusCode).toBe(
      404,
    );

    const workspace = (await call('GET', `/api/cases/${id}/workspace`, 'officer1')).json();
    const decisionRecord = workspace.records.find((r: { id: string }) => r.id === decision.id);
    expect(decisionRecord.documents[0].pdfSha256).toBe(document.pdfSha256);
    expect(decisionRecord.signatures).toHaveLength(1);
    expect(workspace.legalReview).toMatchObject({ isMajorDecision: true, canDecide: true });
  });

  it('takes a handwritten signature only as a PNG, and lists open reviews only for those who oversee them', async () => {
    const { id } = await createCase({ ctx: t.ctx, actor: team.officer1, input: newCaseInput({ source: 'complaint' }) });
    const walk = procedureWalker(t.ctx, team, id);
    const registration = await walk.record('complaint_registration');
    const notPng = await call('POST', `/api/cases/${id}/records/${registration.id}/signatures`, 'officer1', {
      role: 'party',
      method: 'handwritten',
      signerName: '张三',
      imagePng: Buffer.from('<svg/>').toString('base64'),
    });
    expect(notPng.statusCode).toBe(422);
    expect(notPng.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const png = await call('POST', `/api/cases/${id}/records/${registration.id}/signatures`, 'officer1', {
      role: 'party',
      method: 'handwritten',
      signerName: '张三',
      imagePng: `data:image/png;base64,${signaturePng(7).toString('base64')}`,
    });
    expect(png.statusCode, png.body).toBe(201);
    expect((await call('GET', '/api/legal-reviews', 'supervisor1')).statusCode).toBe(200);
    expect((await call('GET', '/api/legal-reviews', 'officer1')).statusCode).toBe(403);
    const catalog = (await call('GET', '/api/major-catalog', 'officer1')).json();
    expect(catalog.entries).toHaveLength(4);
    expect(catalog.canManage).toBe(false);
  });
});
