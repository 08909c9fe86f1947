import { chinaDate, type Role, type SectionKind } from '@liuhen/domain';
import { countAgencies } from '../db/repos/agency-repo';
import { changeDevice } from './change-device';
import type { SystemActor, UseCaseContext, UserActor } from './context';
import { createAgency } from './create-agency';
import { createSection } from './create-section';
import { createUser } from './create-user';
import { issueCredential } from './issue-credential';
import { registerDevice } from './register-device';
import { addMajorCatalogEntry } from './add-major-catalog-entry';

export const DEMO_PASSWORD = 'liuhen-demo';

type DemoUser = {
  username: string;
  displayName: string;
  roles: Role[];
  section: SectionKind;
  credential?: string;
};

// Fictional bodies; the codes carry valid GB 32100 check characters in an unassigned region (99).
const REGION = { code: '11990000MB0000001M', name: '示范自治区住房和城乡建设厅', shortName: '示范区住建厅' };
const BUREAU = { code: '11990100MB0000002X', name: '示范市住房和城乡建设局', shortName: '示范住建' };
const SECTIONS: { kind: SectionKind; name: string }[] = [
  { kind: 'enforcement', name: '综合执法支队' },
  { kind: 'legal', name: '法制科' },
  { kind: 'office', name: '办公室' },
];

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'officer1',
    displayName: '王明',
    roles: ['officer', 'lead_officer'],
    section: 'enforcement',
    credential: '99010026001',
  },
  { username: 'officer2', displayName: '李华', roles: ['officer'], section: 'enforcement', credential: '99010026002' },
  {
    username: 'sectionhead1',
    displayName: '赵强',
    roles: ['section_head', 'officer'],
    section: 'enforcement',
    credential: '99010026003',
  },
  { username: 'legal1', displayName: '陈静', roles: ['legal_reviewer'], section: 'legal', credential: '99010026004' },
  { username: 'head1', displayName: '刘建国', roles: ['agency_head'], section: 'office', credential: '99010026005' },
  // REVIEW-4: the deputy head in charge of legal work approves extensions of a legal review (经分管局领导批准).
  { username: 'deputy1', displayName: '马志远', roles: ['deputy_head'], section: 'office', credential: '99010026007' },
  { username: 'archivist1', displayName: '孙丽', roles: ['archivist'], section: 'office' },
  { username: 'supervisor1', displayName: '周敏', roles: ['supervisor'], section: 'legal', credential: '99010026006' },
  { username: 'devicekeeper1', displayName: '吴涛', roles: ['device_keeper'], section: 'enforcement' },
  { username: 'intake1', displayName: '郑芳', roles: ['intake_clerk'], section: 'office' },
  { username: 'sysadmin1', displayName: '钱伟', roles: ['system_admin'], section: 'office' },
  { username: 'secadmin1', displayName: '冯军', roles: ['security_admin'], section: 'office' },
  { username: 'auditor1', displayName: '何琳', roles: ['audit_admin'], section: 'office' },
];

// 29 February falls back to the 28th in a year without it.
const shiftYears = (day: string, years: number): string => {
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4);

  return `${Number(day.slice(0, 4)) + years}${rest}`;
};

/**
 * Seeds the demo agency tree through the same use-cases a real administrator uses, so every row
 * has its ledger entry. Runs only on an empty database; returns false when there was something already.
 */
export const seedDemo = async ({ ctx }: { ctx: UseCaseContext }): Promise<boolean> => {
  if ((await countAgencies(ctx.db)) > 0) return false;
  const actor: SystemActor = { kind: 'system', via: 'seed' };
  const region = await createAgency({ ctx, actor, input: { ...REGION, parentId: null, level: 'region' } });
  const bureau = await createAgency({ ctx, actor, input: { ...BUREAU, parentId: region.id, level: 'city' } });
  const sectionIds = new Map<SectionKind, string>();
  for (const section of SECTIONS) {
    const { id } = await createSection({ ctx, actor, input: { agencyId: bureau.id, ...section } });
    sectionIds.set(section.kind, id);
  }
  const today = chinaDate(ctx.clock.now());
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const { id } = await createUser({
      ctx,
      actor,
      input: {
        agencyId: bureau.id,
        sectionId: sectionIds.get(user.section) ?? null,
        username: user.username,
        displayName: user.displayName,
        password: DEMO_PASSWORD,
        roles: user.roles,
        isDemo: true,
      },
    });
    userIds.set(user.username, id);
    if (user.credential) {
      await issueCredential({
        ctx,
        actor,
        input: {
          userId: id,
          number: user.credential,
          field: '住房和城乡建设',
          issuer: '示范自治区人民政府',
          validFrom: shiftYears(today, -1),
          validTo: shiftYears(today, 4),
        },
      });
    }
  }
  await seedDemoDevices({ ctx, agencyId: bureau.id, userIds, sectionId: sectionIds.get('enforcement')! });
  await seedDemoCatalog({ ctx, agencyId: bureau.id, userIds, sectionId: sectionIds.get('legal')! });

  return true;
};

/** A demo user acting in the seed's session, so the rows it writes name a person as real ones do. */
const demoActor = (options: {
  user: DemoUser;
  userIds: Map<string, string>;
  agencyId: string;
  sectionId: string;
}): UserActor => ({
  kind: 'user',
  userId: options.userIds.get(options.user.username)!,
  username: options.user.username,
  displayName: options.user.displayName,
  agencyId: options.agencyId,
  sectionId: options.sectionId,
  roles: options.user.roles,
  credentialNumber: null,
  sessionId: 'seed',
});

// REVIEW-1: a demo catalog of major decisions, after the thresholds housing-construction agencies commonly publish.
export const DEMO_CATALOG = [
  {
    category: 'penalty',
    level: 'any',
    field: 'any',
    title: '对法人或者其他组织处以十万元以上罚款、没收违法所得或者没收非法财物',
    penaltyKinds: [],
    partyType: 'organization',
    amountThreshold: 100000,
    basis: '《中华人民共和国行政处罚法》第五十八条；《示范自治区重大行政执法决定法制审核办法》第四条',
  },
  {
    category: 'penalty',
    level: 'any',
    field: 'any',
    title: '对公民处以一万元以上罚款、没收违法所得或者没收非法财物',
    penaltyKinds: [],
    partyType: 'individual',
    amountThreshold: 10000,
    basis: '《中华人民共和国行政处罚法》第五十八条；《示范自治区重大行政执法决定法制审核办法》第四条',
  },
  {
    category: 'penalty',
    level: 'any',
    field: 'any',
    title: '吊销许可证件、降低资质等级、责令停产停业、责令关闭、限制从业',
    penaltyKinds: ['revoke_permit', 'lower_qualification', 'suspend_business', 'close', 'restrict_employment'],
    partyType: 'any',
    amountThreshold: null,
    basis: '《中华人民共和国行政处罚法》第五十八条、第六十三条',
  },
  {
    category: 'compulsion',
    level: 'any',
    field: 'urban_planning',
    title: '强制拆除违法建设',
    penaltyKinds: [],
    partyType: 'any',
    amountThreshold: null,
    basis: '《中华人民共和国城乡规划法》第六十八条；《中华人民共和国行政强制法》第四十四条',
  },
] as const;

const seedDemoCatalog = async ({
  ctx,
  agencyId,
  userIds,
  sectionId,
}: {
  ctx: UseCaseContext;
  agencyId: string;
  userIds: Map<string, string>;
  sectionId: string;
}) => {
  const reviewer = DEMO_USERS.find((u) => u.username === 'legal1')!;
  // The catalog is kept by the legal section, so its reviewer enters it; the session is the seed's.
  const actor = demoActor({ user: reviewer, userIds, agencyId, sectionId });
  for (const entry of DEMO_CATALOG) await addMajorCatalogEntry({ ctx, actor, input: entry });
};

// DEV-1, DEV-2: two body cameras issued to the demo officers, so their own recordings can be filed at once.
export const DEMO_DEVICES = [
  { serialNumber: 'DEMO-ZFY-0001', name: '执法记录仪1号', holder: 'officer1' },
  { serialNumber: 'DEMO-ZFY-0002', name: '执法记录仪2号', holder: 'officer2' },
] as const;

const seedDemoDevices = async ({
  ctx,
  agencyId,
  userIds,
  sectionId,
}: {
  ctx: UseCaseContext;
  agencyId: string;
  userIds: Map<string, string>;
  sectionId: string;
}) => {
  const keeper = DEMO_USERS.find((u) => u.username === 'devicekeeper1')!;
  // The register names a person for every change, so the demo's keeper does it; the session is the seed's.
  const actor = demoActor({ user: keeper, userIds, agencyId, sectionId });
  for (const device of DEMO_DEVICES) {
    const { id } = await registerDevice({
      ctx,
      actor,
      input: { kind: 'body_camera', serialNumber: device.serialNumber, model: 'DSJ-V9', name: device.name },
    });
    await changeDevice({
      ctx,
      actor,
      deviceId: id,
      input: { type: 'assigned', assigneeUserId: userIds.get(device.holder)! },
    });
  }
};
