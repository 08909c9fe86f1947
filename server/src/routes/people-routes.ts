import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '@liuhen/domain';
import type { onRequestAsyncHookHandler } from 'fastify';
import { actorOf } from '../http/request-actor';
import { errorResponses, PeopleSchema } from '../http/schemas';
import { presentPeople } from '../presenters/user-presenter';
import type { UseCaseContext } from '../use-cases/context';
import { listPeople } from '../use-cases/list-people';

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
};
