import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { actorOf } from '../http/request-actor';
import {
  CaseDetailSchema,
  CaseIdParams,
  CaseListQuery,
  CaseListSchema,
  CreateCaseBody,
  errorResponses,
} from '../http/schemas';
import { presentCaseDetail, presentCaseSummary } from '../presenters/case-presenter';
import type { UseCaseContext } from '../use-cases/context';
import { createCase } from '../use-cases/create-case';
import { listCases } from '../use-cases/list-cases';
import { loadCaseDetail, viewCase } from '../use-cases/view-case';

export const caseRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '登记行政处罚案件（案件来源阶段）',
        description: 'PROC-2。校验身份证号码（GB 11643）与统一社会信用代码（GB 32100）；成功后生成案件编号并写入账本。',
        body: CreateCaseBody,
        response: { 201: CaseDetailSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createCase({ ctx, actor, input: request.body });

      return reply.status(201).send(presentCaseDetail(await loadCaseDetail(ctx.db, actor, id)));
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '案件列表（本机关）',
        querystring: CaseListQuery,
        response: { 200: CaseListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listCases({ ctx, actor: actorOf(request), query: request.query });

      return { items: page.rows.map(presentCaseSummary), total: page.total, page: page.page, pageSize: page.pageSize };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: '案件详情与全过程记录',
        description: '每次查阅均作为 case.viewed 写入账本（ACCESS-4）。',
        params: CaseIdParams,
        response: { 200: CaseDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentCaseDetail(await viewCase({ ctx, actor: actorOf(request), caseId: request.params.id })),
  );
};
