import type { UseCaseContext, UserActor } from '../../server/src/use-cases/context';
import { logIn } from '../../server/src/use-cases/log-in';

/** Signs a user in through the real login use-case and returns the actor a request would carry. */
export const actorFor = async (ctx: UseCaseContext, username: string, password = 'liuhen-demo'): Promise<UserActor> =>
  (await logIn({ ctx, input: { username, password }, client: { ip: '127.0.0.1', userAgent: 'vitest' } })).actor;
