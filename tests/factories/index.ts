import { randomBytes } from 'node:crypto';
import { creditCodeCheckChar, type NewCaseInput, type Role } from '@liuhen/domain';
import type { SystemActor, UseCaseContext } from '../../server/src/use-cases/context';
import { createAgency } from '../../server/src/use-cases/create-agency';
import { createSection } from '../../server/src/use-cases/create-section';
import { createUser } from '../../server/src/use-cases/create-user';
import { issueCredential } from '../../server/src/use-cases/issue-credential';

const SYSTEM: SystemActor = { kind: 'system', via: 'seed' };
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random unified social credit code with a correct GB 32100 check character. */
export const randomCreditCode = (prefix = '11'): string => {
  const bytes = randomBytes(9);
  const body = `${prefix}990100${Array.from(bytes, (b) => ALPHABET[b % 31]).join('')}`;

  return body + creditCodeCheckChar(body);
};

export const buildAgency = async (
  ctx: UseCaseContext,
  overrides: Partial<{ parentId: string | null; name: string; shortName: string; level: string }> = {},
) => {
  const suffix = randomBytes(3).toString('hex');

  return createAgency({
    ctx,
    actor: SYSTEM,
    input: {
      parentId: overrides.parentId ?? null,
      code: randomCreditCode(),
      name: overrides.name ?? `测试市住房和城乡建设局${suffix}`,
      shortName: overrides.shortName ?? '测住建',
      level: overrides.level ?? 'city',
    },
  });
};

let sectionCounter = 0;

// A counter, not random text: hundreds of sections in one agency must never collide on the unique name.
export const buildSection = async (ctx: UseCaseContext, agencyId: string, kind = 'enforcement') =>
  createSection({ ctx, actor: SYSTEM, input: { agencyId, name: `科室${(sectionCounter += 1)}`, kind } });

let userCounter = 0;

export const buildUser = async (
  ctx: UseCaseContext,
  options: {
    agencyId: string;
    roles: Role[];
    sectionId?: string | null;
    username?: string;
    password?: string;
    credential?: { validFrom: string; validTo: string } | null;
  },
) => {
  userCounter += 1;
  const username = options.username ?? `user${userCounter}_${randomBytes(2).toString('hex')}`;
  const { id } = await createUser({
    ctx,
    actor: SYSTEM,
    input: {
      agencyId: options.agencyId,
      sectionId: options.sectionId ?? null,
      username,
      displayName: `测试用户${userCounter}`,
      password: options.password ?? 'liuhen-demo',
      roles: options.roles,
    },
  });
  if (options.credential) {
    await issueCredential({
      ctx,
      actor: SYSTEM,
      input: {
        userId: id,
        number: `T${randomBytes(5).toString('hex').toUpperCase()}`,
        field: '住房和城乡建设',
        issuer: '测试市人民政府',
        ...options.credential,
      },
    });
  }

  return { id, username };
};

export const newCaseInput = (overrides: Partial<NewCaseInput> = {}): NewCaseInput => ({
  source: 'complaint',
  sourceDetail: null,
  place: '示范市新城区建设路18号',
  discoveredOn: '2026-11-19',
  summary: '群众举报该处未取得建筑工程施工许可证擅自施工',
  party: {
    kind: 'person',
    name: '张三',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    address: '示范市新城区',
  },
  ...overrides,
});
