import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '@liuhen/domain';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { CredentialSchema, errorResponses, PeopleSchema } from '../http/schemas';
import { presentCredential, presentPeople } from '../presenters/user-presenter';
import type { UseCaseContext } from '../use-cases/context';
import { listOfficers, listPeople } from '../use-cases/list-people';

export const peopleRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.get(
    '/people',
    {
      onRequest: requireUser,
      schema: {
        tags: ['people'],
        summary: '本机关的科室、人员、角色与执法证',
        response: { 200: PeopleSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => presentPeople(await listPeople({ ctx, actor: actorOf(request) }), chinaDate(ctx.clock.now())),
  );

  app.get(
    '/officers',
    {
      onRequest: requireUser,
      schema: {
        tags: ['people'],
        summary: '可在记录上署名的执法人员及其执法证（ORG-2、ORG-3）',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              displayName: Type.String(),
              roles: Type.Array(Type.String()),
              credentials: Type.Array(CredentialSchema),
              hasValidCredential: Type.Boolean(),
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const { users, credentials } = await listOfficers({ ctx, actor: actorOf(request) });
      const today = chinaDate(ctx.clock.now());

      return users.map((user) => {
        const held = credentials.filter((c) => c.userId === user.id).map((c) => presentCredential(c, today));

        return {
          id: user.id,
          displayName: user.displayName,
          roles: [...user.roles],
          credentials: held,
          hasValidCredential: held.some((c) => c.isValid),
        };
      });
    },
  );
};
