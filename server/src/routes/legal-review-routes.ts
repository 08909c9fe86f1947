import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import { addMajorCatalogEntry } from '../use-cases/add-major-catalog-entry';
import type { UseCaseContext } from '../use-cases/context';
import { decideLegalReview } from '../use-cases/decide-legal-review';
import { decideReviewExtension } from '../use-cases/decide-review-extension';
import { getLegalReview } from '../use-cases/get-legal-review';
import { listLegalReviews } from '../use-cases/list-legal-reviews';
import { listMajorCatalogOfAgency } from '../use-cases/list-major-catalog';
import { requestReviewExtension } from '../use-cases/request-review-extension';
import { retireMajorCatalogEntry } from '../use-cases/retire-major-catalog-entry';
import { ruleOnLegalReview } from '../use-cases/rule-on-legal-review';
import { submitLegalReview } from '../use-cases/submit-legal-review';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Ids = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 });

/** REVIEW-1..5: the catalog of major decisions, rounds of legal review, opinions, extensions and the head's ruling. */
export const legalReviewRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.get(
    '/major-catalog',
    {
      schema: {
        tags: ['legal-review'],
        summary: '本机关重大执法决定目录清单（REVIEW-1），含已废止事项',
        response: { 200: Type.Unknown(), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const result = await listMajorCatalogOfAgency({ ctx, actor: actorOf(request) });

      return {
        canManage: result.canManage,
        entries: result.entries.map(({ entry, retirement }) => ({
          id: entry.id,
          category: entry.category,
          level: entry.level,
          field: entry.field,
          title: entry.title,
          penaltyKinds: entry.penaltyKinds,
          partyType: entry.partyType,
          amountThreshold: entry.amountThreshold,
          basis: entry.basis,
          createdAt: entry.createdAt,
          retirement: retirement ? { reason: retirement.reason, retiredAt: retirement.retiredAt } : null,
        })),
      };
    },
  );

  app.post(
    '/major-catalog',
    {
      schema: {
        tags: ['legal-review'],
        summary: '新增重大执法决定目录事项：类别、层级、领域、处罚种类、金额标准（REVIEW-1）',
        body: Type.Object(
          {
            category: Type.String({ maxLength: 20 }),
            level: Type.String({ maxLength: 20 }),
            field: Type.String({ maxLength: 40 }),
            title: Type.String({ maxLength: 200 }),
            penaltyKinds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
            partyType: Type.String({ maxLength: 20 }),
            amountThreshold: Type.Union([Type.Number(), Type.String({ maxLength: 20 }), Type.Null()]),
            basis: Type.String({ maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await addMajorCatalogEntry({ ctx, actor: actorOf(request), input: request.body });

      return reply.status(201).send({ id: row.id, title: row.title, createdAt: row.createdAt });
    },
  );

  app.post(
    '/major-catalog/:id/retirement',
    {
      schema: {
        tags: ['legal-review'],
        summary: '废止目录事项；事项本身保留，以前据其审核的决定仍可追溯（REVIEW-1）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await retireMajorCatalogEntry({
          ctx,
          actor: actorOf(request),
          entryId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/cases/:id/legal-review',
    {
      schema: {
        tags: ['legal-review'],
        summary: '本案法制审核：是否重大执法决定及其依据、各轮送审、审核意见、延期和裁定（REVIEW-1..5）',
        params: IdParams,
        response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getLegalReview({ ctx, actor: actorOf(request), caseId: request.params.id }),
  );

  app.post(
    '/cases/:id/legal-review',
    {
      schema: {
        tags: ['legal-review'],
        summary: '提交法制审核：决定建议及情况说明和六类送审材料，重大执法决定的依据（REVIEW-2）',
        params: IdParams,
        body: Type.Object(
          {
            proposal: Type.String({ maxLength: 5000 }),
            materials: Type.Array(
              Type.Object(
                {
                  material: Type.String({ maxLength: 40 }),
                  recordIds: Type.Optional(Ids),
                  evidenceIds: Type.Optional(Ids),
                },
                { additionalProperties: false },
              ),
              { maxItems: 10 },
            ),
            grounds: Type.Optional(
              Type.Array(
                Type.Object(
                  { ground: Type.String({ maxLength: 40 }), reason: Type.String({ maxLength: 1000 }) },
                  { additionalProperties: false },
                ),
                { maxItems: 7 },
              ),
            ),
            isAssessmentMade: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const row = await submitLegalReview({
        ctx,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body,
      });

      return reply.status(201).send({ id: row.id, round: row.round, dueOn: row.dueOn, submittedAt: row.submittedAt });
    },
  );

  app.post(
    '/legal-reviews/:id/opinion',
    {
      schema: {
        tags: ['legal-review'],
        summary:
          '出具法制审核意见：逐项审核八项内容，结论为同意、纠正、不予作出或移送，并生成法制审核意见书（REVIEW-3）',
        params: IdParams,
        body: Type.Object(
          {
            points: Type.Array(
              Type.Object(
                {
                  point: Type.String({ maxLength: 40 }),
                  finding: Type.String({ maxLength: 20 }),
                  note: Type.Optional(Type.String({ maxLength: 2000 })),
                },
                { additionalProperties: false },
              ),
              { maxItems: 8 },
            ),
            conclusion: Type.String({ maxLength: 20 }),
            reasons: Type.String({ maxLength: 5000 }),
            correctionItems: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await decideLegalReview({
          ctx,
          actor: actorOf(request),
          submissionId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/legal-reviews/:id/extensions',
    {
      schema: {
        tags: ['legal-review'],
        summary: '申请延长法制审核期限（工作日），由分管负责人批准（REVIEW-4）',
        params: IdParams,
        body: Type.Object(
          { workingDays: Type.Integer(), reason: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await requestReviewExtension({
          ctx,
          actor: actorOf(request),
          submissionId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/legal-review-extensions/:id/decision',
    {
      schema: {
        tags: ['legal-review'],
        summary: '分管负责人批准或不批准延长法制审核期限（REVIEW-4）',
        params: IdParams,
        body: Type.Object(
          { decision: Type.String({ maxLength: 20 }), opinion: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await decideReviewExtension({
          ctx,
          actor: actorOf(request),
          extensionId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/legal-reviews/:id/ruling',
    {
      schema: {
        tags: ['legal-review'],
        summary: '起草单位与法制审核意见不一致时，主要负责人经集体讨论后裁定（REVIEW-5）',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.String({ maxLength: 20 }),
            reasons: Type.String({ maxLength: 5000 }),
            discussionRecordId: Type.String({ format: 'uuid' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await ruleOnLegalReview({
          ctx,
          actor: actorOf(request),
          submissionId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.get(
    '/legal-reviews',
    {
      schema: {
        tags: ['legal-review'],
        summary: '待审核和已审核的法制审核，含到期日、即将到期和逾期情况（REVIEW-4）',
        response: { 200: Type.Unknown(), ...errorResponses(401, 403) },
      },
    },
    async (request) => listLegalReviews({ ctx, actor: actorOf(request) }),
  );
};
