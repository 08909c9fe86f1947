import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import type { EvidenceServices } from '../ingest/evidence-services';
import type { RetentionUpgrade } from '../use-cases/apply-retention-terms';
import { changeEvidenceSettings } from '../use-cases/change-evidence-settings';
import type { UseCaseContext } from '../use-cases/context';
import { decideEvidenceDisposal } from '../use-cases/decide-evidence-disposal';
import { getEvidenceSettings } from '../use-cases/get-evidence-settings';
import { listDisposalRequests } from '../use-cases/list-disposal-requests';
import { placeLegalHold } from '../use-cases/place-legal-hold';
import { previewDisposal } from '../use-cases/preview-disposal';
import { recordRetentionFact } from '../use-cases/record-retention-fact';
import { releaseLegalHold } from '../use-cases/release-legal-hold';
import { requestEvidenceDisposal } from '../use-cases/request-evidence-disposal';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Reason = Type.String({ minLength: 1, maxLength: 500 });

const presentUpgrade = (u: RetentionUpgrade) => ({
  evidenceId: u.evidenceId,
  filename: u.filename,
  from: u.from,
  to: u.to.retainUntil,
  retentionClass: u.to.retentionClass,
  reasons: u.to.reasons.map((r) => ({ id: r.id, name: r.name })),
});

/**
 * RET-1, RET-2, AV-4, AV-6: facts that lengthen retention, legal holds, the one disposal path with its preview, and
 * the agency's evidence settings.
 */
export const retentionRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, evidence, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.post(
    '/cases/:id/retention-facts',
    {
      schema: {
        tags: ['retention'],
        summary: '登记延长保存期限的事实（异议、投诉、复议、诉讼、暴力抗法等），本案证据的保存期限随即延长（RET-1）',
        description: 'preview=true 时只返回将延长的保存期限，不作登记。',
        params: IdParams,
        querystring: Type.Object({ preview: Type.Optional(Type.Boolean()) }),
        body: Type.Object(
          { fact: Type.String({ maxLength: 40 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const isPreview = request.query.preview === true;
      const result = await recordRetentionFact({
        ctx,
        evidence,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body,
        isPreview,
      });

      return reply
        .status(isPreview ? 200 : 201)
        .send({ factId: result.factId, upgrades: result.upgrades.map(presentUpgrade) });
    },
  );

  app.post(
    '/cases/:id/legal-holds',
    {
      schema: {
        tags: ['retention'],
        summary: '对本案或其中一份证据采取保全（冻结），解除前不得销毁（RET-2）',
        params: IdParams,
        body: Type.Object(
          { reason: Reason, evidenceId: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const hold = await placeLegalHold({
        ctx,
        evidence,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body,
      });

      return reply
        .status(201)
        .send({ id: hold.id, evidenceId: hold.evidenceId, placedAt: hold.placedAt.toISOString() });
    },
  );

  app.post(
    '/legal-holds/:id/release',
    {
      schema: {
        tags: ['retention'],
        summary: '解除保全（冻结），另行记录解除理由（RET-2）',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const released = await releaseLegalHold({
        ctx,
        evidence,
        actor: actorOf(request),
        holdId: request.params.id,
        input: request.body,
      });

      return { holdId: released.holdId, releasedAt: released.releasedAt.toISOString() };
    },
  );

  app.post(
    '/evidence/:id/disposal-requests',
    {
      schema: {
        tags: ['retention'],
        summary: '申请销毁保存期限届满且未被保全的证据原件，由机关负责人审批（RET-2）',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const made = await requestEvidenceDisposal({
        ctx,
        actor: actorOf(request),
        evidenceId: request.params.id,
        input: request.body,
      });

      return reply.status(201).send({ ...made, requestedAt: made.requestedAt.toISOString() });
    },
  );

  app.get(
    '/evidence/disposal-requests',
    {
      schema: {
        tags: ['retention'],
        summary: '本机关的证据销毁申请（待审批在前）',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('all')])) }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      (
        await listDisposalRequests({
          ctx,
          actor: actorOf(request),
          isPendingOnly: request.query.status !== 'all',
        })
      ).map((r) => ({
        id: r.request.id,
        reason: r.request.reason,
        requestedBy: { id: r.request.requestedBy, displayName: r.requestedByName },
        requestedAt: r.request.requestedAt.toISOString(),
        evidence: { id: r.item.id, filename: r.item.filename, kind: r.item.kind, size: r.item.size },
        case: { id: r.item.caseId, number: r.caseNumber, summary: r.caseSummary },
        decision: r.decision
          ? {
              decision: r.decision.decision,
              opinion: r.decision.opinion,
              decidedBy: { id: r.decision.decidedBy, displayName: r.decidedByName ?? '' },
              decidedAt: r.decision.decidedAt.toISOString(),
            }
          : null,
        canDecide: r.canDecide,
      })),
  );

  app.post(
    '/evidence/disposal-requests/:id/decision',
    {
      schema: {
        tags: ['retention'],
        summary: '机关负责人审批销毁申请；批准即销毁原件，审批意见与销毁均记入留痕账本（RET-2）',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.String({ maxLength: 20, description: 'approved | rejected' }),
            opinion: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => {
      const decided = await decideEvidenceDisposal({
        ctx,
        evidence,
        actor: actorOf(request),
        requestId: request.params.id,
        input: request.body,
      });

      return { ...decided, decidedAt: decided.decidedAt.toISOString() };
    },
  );

  app.get(
    '/evidence/disposal-preview',
    {
      schema: {
        tags: ['retention'],
        summary: '预览：某日可以销毁哪些证据，解除某项保全后又会有哪些证据可以销毁（RET-2）',
        querystring: Type.Object({
          asOf: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
          releaseHoldId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      previewDisposal({
        ctx,
        actor: actorOf(request),
        input: { asOf: request.query.asOf, releaseHoldId: request.query.releaseHoldId },
      }),
  );

  app.get(
    '/evidence/settings',
    {
      schema: {
        tags: ['retention'],
        summary: '本机关音像记录上传时限与连续性检查阈值（AV-4、AV-6）',
        response: { 200: Type.Unknown(), ...errorResponses(401) },
      },
    },
    async (request) => getEvidenceSettings({ ctx, actor: actorOf(request) }),
  );

  app.put(
    '/evidence/settings',
    {
      schema: {
        tags: ['retention'],
        summary: '修改本机关音像记录上传时限与连续性检查阈值，对此后归档的证据生效（AV-4、AV-6）',
        body: Type.Object(
          { avUpload: Type.String({ maxLength: 40 }), maxGapSeconds: Type.Integer() },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => changeEvidenceSettings({ ctx, actor: actorOf(request), input: request.body }),
  );
};
