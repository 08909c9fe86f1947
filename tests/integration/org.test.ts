import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAgencies, listSections } from '../../server/src/db/repos/agency-repo';
import { listLedgerEntries } from '../../server/src/db/repos/ledger-repo';
import { countUsers, findUserByUsername, listCredentialsOfUsers } from '../../server/src/db/repos/user-repo';
import { createUser } from '../../server/src/use-cases/create-user';
import { issueCredential } from '../../server/src/use-cases/issue-credential';
import { listPeople } from '../../server/src/use-cases/list-people';
import { DEMO_CATALOG, DEMO_DEVICES, DEMO_USERS, seedDemo } from '../../server/src/use-cases/seed-demo';
import { actorFor } from '../support/actors';
import { codeOf } from '../support/domain-error';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
const system = { kind: 'system' as const, via: 'cli' as const };

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('demo agency (issue 2 §6, ORG-1, ORG-2, ORG-4)', () => {
  it('seeds a region department, a city bureau with three sections and one user per role, once', async () => {
    expect(await seedDemo({ ctx: t.ctx })).toBe(true);
    expect(await seedDemo({ ctx: t.ctx })).toBe(false);

    const [region, bureau] = await listAgencies(t.ctx.db);
    expect(region).toMatchObject({ level: 'region', parentId: null, name: '示范自治区住房和城乡建设厅' });
    expect(bureau).toMatchObject({ level: 'city', parentId: region!.id, name: '示范市住房和城乡建设局' });
    expect((await listSections(t.ctx.db, bureau!.id)).map((s) => s.kind).sort()).toEqual([
      'enforcement',
      'legal',
      'office',
    ]);
    expect(await countUsers(t.ctx.db)).toBe(DEMO_USERS.length);
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles));
    expect(roles.size).toBe(13);

    for (const username of ['officer1', 'officer2']) {
      const user = await findUserByUsername(t.ctx.db, username);
      const [credential] = await listCredentialsOfUsers(t.ctx.db, [user!.id]);
      expect(credential!.validFrom <= '2026-11-20' && '2026-11-20' <= credential!.validTo).toBe(true);
    }
    const officer = await actorFor(t.ctx, 'officer1');
    expect(officer.credentialNumber).toBe('99010026001');

    await t.settle();
    // Every row above has its entry: 1 agency in the region log; agency, 3 sections, users, credentials in the bureau's.
    expect((await listLedgerEntries(t.ctx.db, region!.id)).length).toBe(1);
    const credentials = DEMO_USERS.filter((u) => u.credential).length;
    const bureauTypes = (await listLedgerEntries(t.ctx.db, bureau!.id)).map(
      (e) => JSON.parse(new TextDecoder().decode(e.leaf)).type as string,
    );
    expect(bureauTypes.filter((x) => x !== 'auth.login_succeeded')).toHaveLength(
      // Each demo camera: registered, then issued; each entry of the catalog of major decisions (REVIEW-1).
      1 + 3 + DEMO_USERS.length + credentials + 2 * DEMO_DEVICES.length + DEMO_CATALOG.length,
    );
  });

  it('lists the agency’s people to the system administrator but not to an officer', async () => {
    const admin = await actorFor(t.ctx, 'sysadmin1');
    const people = await listPeople({ ctx: t.ctx, actor: admin });
    expect(people.users.map((u) => u.username)).toContain('officer1');
    expect(await codeOf(listPeople({ ctx: t.ctx, actor: await actorFor(t.ctx, 'officer2') }))).toBe('FORBIDDEN');
  });
});

describe('people and credentials', () => {
  it('refuses a taken username, a weak password, an unknown role and a reversed validity period', async () => {
    const [, bureau] = await listAgencies(t.ctx.db);
    const input = {
      agencyId: bureau!.id,
      sectionId: null,
      username: 'officer1',
      displayName: '重名',
      password: 'liuhen-demo',
      roles: ['officer'],
    };
    expect(await codeOf(createUser({ ctx: t.ctx, actor: system, input }))).toBe('USERNAME_TAKEN');
    expect(
      await codeOf(createUser({ ctx: t.ctx, actor: system, input: { ...input, username: 'new1', password: 'short' } })),
    ).toBe('WEAK_PASSWORD');
    expect(
      await codeOf(createUser({ ctx: t.ctx, actor: system, input: { ...input, username: 'new1', roles: ['king'] } })),
    ).toBe('INVALID_ROLE');
    const officer = await findUserByUsername(t.ctx.db, 'officer2');
    const credential = { userId: officer!.id, number: 'X0001', field: '城市管理', issuer: '示范市人民政府' };
    expect(
      await codeOf(
        issueCredential({
          ctx: t.ctx,
          actor: system,
          input: { ...credential, validFrom: '2026-02-01', validTo: '2026-01-31' },
        }),
      ),
    ).toBe('INVALID_CREDENTIAL_PERIOD');
    expect(
      await codeOf(
        issueCredential({
          ctx: t.ctx,
          actor: system,
          input: { ...credential, number: '99010026001', validFrom: '2026-01-01', validTo: '2026-12-31' },
        }),
      ),
    ).toBe('CREDENTIAL_NUMBER_TAKEN');
    expect(await findUserByUsername(t.ctx.db, 'new1')).toBeNull();
  });

  it('does not let an agency’s administrator create people in another agency', async () => {
    const [region] = await listAgencies(t.ctx.db);
    const admin = await actorFor(t.ctx, 'sysadmin1');
    const input = {
      agencyId: region!.id,
      sectionId: null,
      username: 'intruder',
      displayName: '越权',
      password: 'liuhen-demo',
      roles: ['officer'],
    };
    expect(await codeOf(createUser({ ctx: t.ctx, actor: admin, input }))).toBe('FORBIDDEN');
  });
});
