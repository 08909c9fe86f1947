import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '@liuhen/domain';
import { actorOf, clientOf } from '../http/request-actor';
import { errorResponses, LoginBody, MeSchema } from '../http/schemas';
import { presentMe } from '../presenters/user-presenter';
import { SESSION_COOKIE } from '../security/session-token';
import type { UseCaseContext } from '../use-cases/context';
import { getProfile } from '../use-cases/list-people';
import { logIn } from '../use-cases/log-in';
import { logOut } from '../use-cases/log-out';
import { Type } from 'typebox';
import type { onRequestAsyncHookHandler } from 'fastify';

export type AuthRouteOptions = {
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
  isCookieSecure: boolean;
  loginRateLimit: { max: number; timeWindow: number };
};

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, options) => {
  const { ctx, requireUser } = options;

  app.post(
    '/auth/login',
    {
      config: { rateLimit: options.loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: '登录',
        description: '成功后以 httpOnly、SameSite=Strict 的 Cookie 建立会话；连续5次密码错误锁定15分钟。',
        body: LoginBody,
        response: { 200: Type.Object({ user: MeSchema }), ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, actor } = await logIn({ ctx, input: request.body, client: clientOf(request) });
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.isCookieSecure,
        path: '/',
        expires: expiresAt,
      });
      request.actor = actor;
      const profile = await getProfile({ ctx, actor });

      return { user: presentMe(actor, profile, chinaDate(ctx.clock.now())) };
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: requireUser,
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      await logOut({ ctx, actor: actorOf(request) });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });

      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      onRequest: requireUser,
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema, ...errorResponses(401) } },
    },
    async (request) => {
      const actor = actorOf(request);

      return presentMe(actor, await getProfile({ ctx, actor }), chinaDate(ctx.clock.now()));
    },
  );
};
