import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from '../support/test-context';

let t: TestApp;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-dist-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>留痕</title><div id="root"></div>');
  t = await createTestApp({ webDistDir: dist });
  await seedDemo({ ctx: t.ctx });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('OpenAPI (INT-2)', () => {
  it('describes every route at /api/docs/json and serves the viewer at /api/docs', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.openapi).toBe('3.0.3');
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/cases',
        '/api/cases/{id}',
        '/api/health',
        '/api/meta',
        '/api/people',
        '/api/ledger/integrity',
        '/api/ledger/{code}/audits',
        '/api/ledger/{code}/checkpoint',
        '/api/ledger/{code}/entries/{seq}',
        '/api/ledger/{code}/keys',
        '/api/ledger/{code}/proof/consistency',
        '/api/ledger/{code}/proof/inclusion',
        '/api/ledger/{code}/tlog-proof',
        '/api/procedures',
        '/api/officers',
        '/api/cases/{id}/workspace',
        '/api/cases/{id}/records',
        '/api/cases/{id}/records/{recordId}/corrections',
        '/api/cases/{id}/records/{recordId}/approvals',
        '/api/cases/{id}/stage',
        '/api/my-work',
        '/api/calendar',
        '/api/calendar/{date}',
        '/api/calendar/years',
        '/api/devices',
        '/api/devices/catalog',
        '/api/devices/assignees',
        '/api/devices/{id}',
        '/api/devices/{id}/events',
        '/api/devices/{id}/checks',
        '/api/cases/{id}/evidence/uploads',
        '/api/cases/{id}/evidence',
        '/api/evidence/catalog',
        '/api/evidence/{id}/content',
        '/api/evidence/{id}/download',
        '/api/evidence/{id}/gap-statements',
        '/api/cases/{id}/retention-facts',
        '/api/cases/{id}/legal-holds',
        '/api/legal-holds/{id}/release',
        '/api/evidence/{id}/disposal-requests',
        '/api/evidence/disposal-requests',
        '/api/evidence/disposal-requests/{id}/decision',
        '/api/evidence/disposal-preview',
        '/api/evidence/settings',
        '/api/evidence/late',
        '/api/evidence/fixity',
        '/api/evidence/fixity/runs',
        '/api/major-catalog',
        '/api/major-catalog/{id}/retirement',
        '/api/cases/{id}/legal-review',
        '/api/legal-reviews/{id}/opinion',
        '/api/legal-reviews/{id}/extensions',
        '/api/legal-review-extensions/{id}/decision',
        '/api/legal-reviews/{id}/ruling',
        '/api/legal-reviews',
        '/api/cases/{id}/records/{recordId}/documents',
        '/api/cases/{id}/documents',
        '/api/documents/{id}/pdf',
        '/api/documents/{id}/docx',
        '/api/cases/{id}/records/{recordId}/signatures',
        '/api/cases/{id}/records/{recordId}/attachments',
      ].sort(),
    );
    // LEDGER-2: proofs, checkpoints and the tlog-proof export are part of the described API.
    expect(spec.paths['/api/ledger/{code}/tlog-proof'].get.responses['200']).toBeDefined();
    expect(spec.paths['/api/cases'].post.responses['201']).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('web pages and headers', () => {
  it('serves the single-page app for any page path, with a content security policy', async () => {
    for (const url of ['/', '/cases', '/cases/new']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers unknown API paths with a JSON 404, not the page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('people (ORG-1, ORG-2, ORG-4)', () => {
  it('shows sections, users, roles and credentials to the system administrator', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/people',
      headers: { cookie: await t.login('sysadmin1') },
    });
    expect(response.statusCode).toBe(200);
    const people = response.json();
    expect(people.agency).toMatchObject({ name: '示范市住房和城乡建设局', level: 'city', code: '11990100MB0000002X' });
    expect(people.sections.map((s: { name: string }) => s.name)).toEqual(['综合执法支队', '法制科', '办公室']);
    const officer = people.users.find((u: { username: string }) => u.username === 'officer1');
    expect(officer).toMatchObject({
      roles: ['lead_officer', 'officer'],
      section: { name: '综合执法支队' },
      isActive: true,
    });
    expect(officer.credentials).toHaveLength(1);
    expect(JSON.stringify(people)).not.toMatch(/argon2|password/i);
  });

  it('refuses an officer', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/people',
      headers: { cookie: await t.login('officer2') },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'FORBIDDEN', message: '您没有执行此操作的权限' });
  });
});
