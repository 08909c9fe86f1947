import { fromBase64, openNote, parseTlogProof } from '@liuhen/domain';
import { verifyProofFile } from '@liuhen/verifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAgencies } from '../../server/src/db/repos/agency-repo';
import { witnessSubordinates } from '../../server/src/ledger/witness';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';
import { newCaseInput } from '../factories';

let t: TestApp;
let officer: string;
let supervisor: string;
let code: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ ctx: t.ctx });
  officer = await t.login('officer1');
  supervisor = await t.login('supervisor1');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: officer },
    payload: newCaseInput(),
  });
  caseId = created.json().id;
  code = created.json().agency.code;
  await t.settle();
  await witnessSubordinates({ ctx: t.ctx });
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('ledger API (LEDGER-2, INT-2)', () => {
  it('publishes the latest checkpoint with the witness cosignature, and the keys that verify it', async () => {
    const checkpoint = await get(`/api/ledger/${code}/checkpoint`);
    expect(checkpoint.statusCode).toBe(200);
    expect(checkpoint.headers['content-type']).toMatch(/^text\/plain/);
    const keys = (await get(`/api/ledger/${code}/keys`)).json();
    expect(keys.origin).toBe(`test.liuhen.local/ledger/${code}/sha256`);
    const opened = openNote(
      checkpoint.body,
      [...keys.logKeys, ...keys.witnessKeys].map((k: { vkey: string }) => k.vkey),
    );
    expect(opened.verified.map((v) => v.type).sort()).toEqual(['cosignature', 'ed25519']);
  });

  it('gives a case entry’s leaf and tlog-proof, which the offline verifier accepts', async () => {
    const detail = (await get(`/api/cases/${caseId}`, officer)).json();
    const created = detail.timeline.find((e: { type: string }) => e.type === 'case.created');
    expect(created.seq).toEqual(expect.any(Number));
    const leaf = await get(`/api/ledger/${code}/entries/${created.seq}`, officer);
    expect(leaf.statusCode).toBe(200);
    expect(leaf.headers['content-disposition']).toContain('.leaf.json');
    const proof = await get(`/api/ledger/${code}/tlog-proof?index=${created.seq}`, officer);
    expect(proof.statusCode).toBe(200);
    expect(parseTlogProof(proof.body).index).toBe(created.seq);
    const keys = (await get(`/api/ledger/${code}/keys`)).json();
    const result = verifyProofFile({
      vkeys: keys.logKeys.map((k: { vkey: string }) => k.vkey),
      tlogProofText: proof.body,
      leaf: leaf.rawPayload,
    });
    expect(result.index).toBe(created.seq);
    // The proof carries the checkpoint the region bureau cosigned.
    expect(result.checkpoint.cosignatures.length + result.checkpoint.ignoredSignatures.length).toBeGreaterThan(0);
  });

  it('answers inclusion and consistency proofs as base64 hashes', async () => {
    const inclusion = (await get(`/api/ledger/${code}/proof/inclusion?index=3`, officer)).json();
    expect(inclusion.hashes.every((h: string) => fromBase64(h).length === 32)).toBe(true);
    const consistency = await get(`/api/ledger/${code}/proof/consistency?from=${inclusion.size}`);
    expect(consistency.statusCode).toBe(200);
    expect(consistency.json()).toMatchObject({ from: inclusion.size, to: inclusion.size, hashes: [] });
  });

  it('refuses bad requests with codes: unknown agency, entry beyond the log, anonymous and foreign readers', async () => {
    expect((await get('/api/ledger/91350100M000100Y43/checkpoint')).json().code).toBe('LEDGER_NOT_FOUND');
    expect((await get(`/api/ledger/not-a-code/keys`)).statusCode).toBe(400);
    const beyond = await get(`/api/ledger/${code}/tlog-proof?index=999999`, officer);
    expect(beyond.statusCode).toBe(404);
    expect(beyond.json().code).toBe('LEDGER_ENTRY_NOT_FOUND');
    expect((await get(`/api/ledger/${code}/entries/0`)).statusCode).toBe(401);
    expect((await get(`/api/ledger/${code}/entries/-1`, officer)).statusCode).toBe(400);
    // A fresh entry is in the queue, not yet covered by a checkpoint.
    await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie: officer }, payload: newCaseInput() });
    await t.settle();
    await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: officer } });
    const pending = (await get(`/api/cases/${caseId}`, officer)).json().timeline.at(-1);
    expect(pending.seq).toBeNull();
    const region = (await listAgencies(t.ctx.db)).find((a) => a.level === 'region')!;
    expect((await get(`/api/ledger/${region.code}/entries/0`, officer)).statusCode).toBe(403);
  });
});

describe('integrity page API (LEDGER-3, LEDGER-4)', () => {
  it('shows supervisors each log with checkpoint, witness and audit, and runs an audit on request', async () => {
    await t.settle();
    await witnessSubordinates({ ctx: t.ctx });
    const before = (await get('/api/ledger/integrity', supervisor)).json();
    const bureau = before.logs.find((l: { agency: { code: string } }) => l.agency.code === code);
    expect(bureau).toMatchObject({ hashAlgorithm: 'sha256', audit: null, witness: { isLatestCosigned: true } });
    expect(before.alerts).toEqual([]);
    const audit = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/${code}/audits`,
      headers: { cookie: supervisor },
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toMatchObject({ isOk: true, findings: [] });
    const after = (await get('/api/ledger/integrity', supervisor)).json();
    expect(after.logs.find((l: { agency: { code: string } }) => l.agency.code === code).audit.isOk).toBe(true);
  });

  it('refuses officers', async () => {
    expect((await get('/api/ledger/integrity', officer)).statusCode).toBe(403);
    const audit = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/${code}/audits`,
      headers: { cookie: officer },
    });
    expect(audit.json().code).toBe('FORBIDDEN');
  });
});
