import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import type { UseCaseContext } from '../use-cases/context';
import { generateDocument } from '../use-cases/generate-document';
import { linkRecordAttachment } from '../use-cases/link-record-attachment';
import { listCaseDocuments, readCaseDocument } from '../use-cases/list-case-documents';
import { signRecord } from '../use-cases/sign-record';

const RecordParams = Type.Object({ id: Type.String({ format: 'uuid' }), recordId: Type.String({ format: 'uuid' }) });

const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** DOC-2, DOC-4, SERVE-1: standard documents, signatures on records and proofs of service. */
export const documentRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.post(
    '/cases/:id/records/:recordId/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '生成记录的格式文书（PDF 嵌入中文字体，另附可编辑 DOCX），文件哈希记入日志（DOC-2）',
        params: RecordParams,
        response: { 200: Type.Unknown(), 201: Type.Unknown(), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const document = await generateDocument({
        ctx,
        actor: actorOf(request),
        caseId: request.params.id,
        recordId: request.params.recordId,
      });

      return reply.status(document.isNew ? 201 : 200).send(document);
    },
  );

  app.get(
    '/cases/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '本案已生成的文书',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listCaseDocuments({ ctx, actor: actorOf(request), caseId: request.params.id }),
  );

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      `/documents/:id/${format}`,
      {
        schema: {
          tags: ['documents'],
          summary: format === 'pdf' ? '文书 PDF' : '文书可编辑 DOCX',
          params: Type.Object({ id: Type.String() }),
          querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }),
          response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const document = await readCaseDocument({
          ctx,
          actor: actorOf(request),
          documentId: request.params.id,
          format,
        });
        const filename = `${document.title}${document.documentNumber ? `（${document.documentNumber}）` : ''}.${format}`;

        return reply
          .header('Content-Type', MEDIA[format])
          .header('X-Content-Type-Options', 'nosniff')
          .header('ETag', `"${document.sha256}"`)
          .header(
            'Content-Disposition',
            `${format === 'pdf' && request.query.download !== true ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(document.bytes);
      },
    );
  }

  app.post(
    '/cases/:id/records/:recordId/signatures',
    {
      schema: {
        tags: ['documents'],
        summary: '在记录上签名：执法人员电子签名，当事人、见证人、送达人、受送达人平板手写或纸质签名扫描（DOC-4）',
        params: RecordParams,
        body: Type.Object(
          {
            role: Type.String({ maxLength: 20 }),
            method: Type.String({ maxLength: 20 }),
            signerName: Type.Optional(Type.String({ maxLength: 50 })),
            imagePng: Type.Optional(Type.String({ maxLength: 720_000 })),
            scanEvidenceId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
      bodyLimit: 1024 * 1024,
    },
    async (request, reply) =>
      reply.status(201).send(
        await signRecord({
          ctx,
          actor: actorOf(request),
          caseId: request.params.id,
          recordId: request.params.recordId,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/cases/:id/records/:recordId/attachments',
    {
      schema: {
        tags: ['documents'],
        summary: '为送达回证附送达凭证：邮寄登记、付邮凭证、回执、公告原件、电子送达确认书等（SERVE-1）',
        params: RecordParams,
        body: Type.Object(
          { evidenceId: Type.String({ format: 'uuid' }), kind: Type.String({ maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await linkRecordAttachment({
          ctx,
          actor: actorOf(request),
          caseId: request.params.id,
          recordId: request.params.recordId,
          input: request.body,
        }),
      ),
  );
};
