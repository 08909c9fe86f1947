import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pingDatabase } from '../db/repos/health-repo';
import type { DatabaseKind } from '../db/client';
import type { UseCaseContext } from '../use-cases/context';
import { getPublicMeta } from '../use-cases/get-public-meta';
import { errorResponses, HealthSchema, MetaSchema } from '../http/schemas';

export const healthRoutes: FastifyPluginAsyncTypebox<{ ctx: UseCaseContext; databaseKind: DatabaseKind }> = async (
  app,
  { ctx, databaseKind },
) => {
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查', response: { 200: HealthSchema, ...errorResponses(500) } } },
    async () => {
      await pingDatabase(ctx.db);

      return { status: 'ok' as const, database: databaseKind };
    },
  );

  app.get(
    '/meta',
    { schema: { tags: ['system'], summary: '公开信息（演示模式与演示账号）', response: { 200: MetaSchema } } },
    async () => getPublicMeta({ ctx }),
  );
};
