import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, isDomainError, type RuleFinding } from '@liuhen/domain';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import {
  presentDeadline,
  presentFindings,
  presentProcedureCatalog,
  presentWorkspace,
} from '../presenters/workspace-presenter';
import type { UseCaseContext } from '../use-cases/context';
import { getCaseWorkspace } from '../use-cases/case-workspace';
import { changeCaseStage } from '../use-cases/change-case-stage';
import { decideApproval } from '../use-cases/decide-approval';
import { correctCaseRecord, makeCaseRecord } from '../use-cases/make-case-record';
import { getMyWork } from '../use-cases/my-work';
import { addCalendarYear, listCalendarYear, setCalendarDay } from '../use-cases/work-calendar';

const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const RecordParams = Type.Object({ id: Type.String({ format: 'uuid' }), recordId: Type.String({ format: 'uuid' }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const RecordBody = Type.Object(
  {
    kind: Type.String({ maxLength: 50, description: 'record kind id, e.g. questioning_record' }),
    recordedAt: Type.String({ maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    officers: Type.Array(
      Type.Object(
        { userId: Type.String({ maxLength: 40 }), isCredentialShown: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 20, description: 'ORG-3: credential numbers are taken from the register, never from the client' },
    ),
    partySignature: Type.Optional(
      Nullable(Type.String({ description: 'signed | refused | pending; only for records the party signs' })),
    ),
    refusalReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    witnesses: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ maxLength: 50 }),
            idNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
            phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
    content: Type.Record(Type.String(), Type.Unknown(), {
      description: 'fields of the record kind (GET /api/procedures)',
    }),
    avReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

const Workspace = Type.Unknown({ description: 'the case workspace: stage, records, approvals, compliance, deadlines' });

export const workspaceRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.get(
    '/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: '执法程序、环节、文书格式、合规规则与期限规则（数据）',
        response: { 200: Type.Unknown(), ...errorResponses(401) },
      },
    },
    async () => presentProcedureCatalog(),
  );

  app.get(
    '/cases/:id/workspace',
    {
      schema: {
        tags: ['cases'],
        summary: '案件办理：当前环节、各环节记录、审批、合规检查与期限',
        params: CaseParams,
        response: { 200: Workspace, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentWorkspace(await getCaseWorkspace({ ctx, actor: actorOf(request), caseId: request.params.id })),
  );

  app.post(
    '/cases/:id/records',
    {
      schema: {
        tags: ['cases'],
        summary: '制作本环节的文字记录（DOC-1）',
        params: CaseParams,
        body: RecordBody,
        response: {
          201: Type.Object({ id: Type.String(), version: Type.Integer(), contentSha256: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const row = await makeCaseRecord({
        ctx,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body as Parameters<typeof makeCaseRecord>[0]['input'],
      });

      return reply.status(201).send({ id: row.id, version: row.version, contentSha256: row.contentSha256 });
    },
  );

  app.post(
    '/cases/:id/records/:recordId/corrections',
    {
      schema: {
        tags: ['cases'],
        summary: '更正记录：生成新版本并指向原版本，原版本不变',
        params: RecordParams,
        body: Type.Object(
          { reason: Type.String({ maxLength: 500 }), record: RecordBody },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), version: Type.Integer(), contentSha256: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const row = await correctCaseRecord({
        ctx,
        actor: actorOf(request),
        caseId: request.params.id,
        recordId: request.params.recordId,
        reason: request.body.reason,
        input: request.body.record as Parameters<typeof makeCaseRecord>[0]['input'],
      });

      return reply.status(201).send({ id: row.id, version: row.version, contentSha256: row.contentSha256 });
    },
  );

  app.post(
    '/cases/:id/records/:recordId/approvals',
    {
      schema: {
        tags: ['cases'],
        summary: '审批：由当前步骤指定职务的人员签署意见（REVIEW-6）',
        params: RecordParams,
        body: Type.Object(
          { decision: Type.String({ description: 'approved | returned' }), opinion: Type.String({ maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ recordId: Type.String(), stepIndex: Type.Integer(), decision: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      decideApproval({
        ctx,
        actor: actorOf(request),
        caseId: request.params.id,
        recordId: request.params.recordId,
        input: request.body as { decision: 'approved' | 'returned'; opinion: string },
      }),
  );

  app.post(
    '/cases/:id/stage',
    {
      schema: {
        tags: ['cases'],
        summary: '进入下一环节；有未满足的必须事项时拒绝并列出规则及依据',
        params: CaseParams,
        body: Type.Object(
          { to: Type.String({ maxLength: 40 }), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ from: Type.String(), to: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      try {
        return await changeCaseStage({ ctx, actor: actorOf(request), caseId: request.params.id, input: request.body });
      } catch (error) {
        // The refusal lists the unmet rules in the same shape as the workspace, citations formatted.
        if (isDomainError(error) && error.code === 'TRANSITION_BLOCKED') {
          const details = error.details as { from: string; to: string; findings: RuleFinding[] };
          throw new DomainError('TRANSITION_BLOCKED', { ...details, findings: presentFindings(details.findings) });
        }
        throw error;
      }
    },
  );

  app.get(
    '/my-work',
    {
      schema: {
        tags: ['cases'],
        summary: '我的待办：待我审批的记录，以及我承办案件的期限',
        response: { 200: Type.Unknown(), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const work = await getMyWork({ ctx, actor: actorOf(request) });

      return {
        approvals: work.approvals.map((a) => ({ ...a, submittedAt: a.submittedAt.toISOString() })),
        deadlines: work.deadlines.map((d) => ({
          caseId: d.caseId,
          caseNumber: d.caseNumber,
          ...presentDeadline(d.deadline),
        })),
      };
    },
  );

  app.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: '工作日日历（法定节假日与调休）',
        querystring: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const result = await listCalendarYear({ ctx, year: request.query.year });

      return { ...result, days: result.days.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })) };
    },
  );

  app.post(
    '/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '建立新年度的工作日历：周一至周五为工作日，另列法定节假日与调休上班日（系统管理员）',
        body: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
            exceptions: Type.Array(
              Type.Object(
                {
                  date: Type.String({ maxLength: 10 }),
                  isWorkingDay: Type.Boolean(),
                  name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
                },
                { additionalProperties: false },
              ),
              { maxItems: 366 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ year: Type.Integer(), days: Type.Integer(), nonWorkingDays: Type.Integer() }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const result = await addCalendarYear({
        ctx,
        actor: actorOf(request),
        input: {
          year: request.body.year,
          exceptions: request.body.exceptions.map((e) => ({ ...e, name: e.name ?? null })),
        },
      });

      return reply.status(201).send(result);
    },
  );

  app.put(
    '/calendar/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: '设置某日是否为工作日（系统管理员）',
        params: Type.Object({ date: Type.String({ maxLength: 10 }) }),
        body: Type.Object(
          { isWorkingDay: Type.Boolean(), name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await setCalendarDay({
        ctx,
        actor: actorOf(request),
        input: { date: request.params.date, isWorkingDay: request.body.isWorkingDay, name: request.body.name ?? null },
      });

      return reply.status(204).send(null);
    },
  );
};
