import { listDemoUsers } from '../db/repos/user-repo';
import type { UseCaseContext } from './context';
import { DEMO_PASSWORD } from './seed-demo';

export type PublicMeta = {
  isDemo: boolean;
  demoPassword: string | null;
  demoUsers: { username: string; displayName: string; roles: string[] }[];
};

/** The demo banner shows while demo accounts can still log in, whatever the configuration says now. */
export const getPublicMeta = async ({ ctx }: { ctx: UseCaseContext }): Promise<PublicMeta> => {
  const demoUsers = await listDemoUsers(ctx.db);
  const isDemo = demoUsers.length > 0;

  return {
    isDemo,
    demoPassword: isDemo ? DEMO_PASSWORD : null,
    demoUsers: demoUsers.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles })),
  };
};
