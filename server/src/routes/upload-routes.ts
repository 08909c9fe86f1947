import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@liuhen/domain';
import type { FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import type { EvidenceServices } from '../ingest/evidence-services';
import { parseChecksum, parseOffset, parseRange, TUS_EXTENSIONS, TUS_VERSION } from '../ingest/tus-headers';
import type { UseCaseContext } from '../use-cases/context';
import {
  cancelUpload,
  listMyUnfinishedUploads,
  readUploadOffset,
  receiveUploadChunk,
} from '../use-cases/receive-upload';
import { startEvidenceUpload } from '../use-cases/start-evidence-upload';
import { explainRecordingGap, listCaseEvidence, openEvidenceContent } from '../use-cases/case-evidence';
import { presentCaseEvidence, presentEvidenceCatalog } from '../presenters/evidence-presenter';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const UploadParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const StartUploadBody = Type.Object(
  {
    kind: Type.String({
      maxLength: 30,
      description: 'video | audio | photo | scan | electronic_data | system_operation_data',
    }),
    filename: Type.String({ maxLength: 255 }),
    size: Type.Integer({ minimum: 0 }),
    stage: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    recordId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    recordedStartedAt: Type.String({ maxLength: 40, description: 'ISO 8601 date-time with offset' }),
    recordedEndedAt: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    latitude: Type.Optional(Nullable(Type.Number())),
    longitude: Type.Optional(Nullable(Type.Number())),
    officerIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 }),
    partyName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    deviceId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    focusItems: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    providedBy: Type.String({ maxLength: 20, description: 'agency | party | bystander' }),
    providerName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

const tusHeaders = (reply: FastifyReply) =>
  reply.header('Tus-Resumable', TUS_VERSION).header('Cache-Control', 'no-store');

/**
 * AV-7: resumable uploads (tus 1.0 core with the checksum, expiration and termination extensions). An upload is
 * created by stating the file's metadata as JSON; the bytes then go to its URL in as many PATCH requests as the link
 * allows. Request bodies are streamed to the staging file, never parsed or held in memory.
 */
export const uploadRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, evidence, requireUser }) => {
  app.addHook('onRequest', requireUser);
  // tus bodies stay a stream: the use-case reads them straight into the staged file.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  app.post(
    '/cases/:id/evidence/uploads',
    {
      schema: {
        tags: ['evidence'],
        summary: '登记一个证据文件并开始可续传上传（AV-3、AV-7）',
        description:
          '先提交文件的时间、地点、执法人员、设备等信息，校验通过后返回上传地址（tus 1.0），再分段上传文件内容。',
        params: UploadParams,
        body: StartUploadBody,
        response: {
          201: Type.Object({
            id: Type.String(),
            url: Type.String(),
            offset: Type.Integer(),
            size: Type.Integer(),
            expiresAt: Type.String(),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const started = await startEvidenceUpload({
        ctx,
        evidence,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body,
      });

      return reply.status(201).send({
        id: started.id,
        url: `/api/uploads/${started.id}`,
        offset: started.offset,
        size: started.size,
        expiresAt: started.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/evidence/catalog',
    {
      schema: {
        tags: ['evidence'],
        summary: '证据种类、摄录重点事项、中断原因与提供者（数据，附依据）',
        response: { 200: Type.Unknown(), ...errorResponses(401) },
      },
    },
    async () => presentEvidenceCatalog(evidence.maxUploadBytes),
  );

  app.get(
    '/cases/:id/evidence/uploads',
    {
      schema: {
        tags: ['evidence'],
        summary: '我在本案尚未完成的上传（刷新页面后续传）',
        params: UploadParams,
        response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      (await listMyUnfinishedUploads({ ctx, actor: actorOf(request), caseId: request.params.id })).map((u) => ({
        id: u.id,
        url: `/api/uploads/${u.id}`,
        filename: u.filename,
        size: u.declaredSize,
        offset: u.receivedBytes,
        kind: (u.metadata as { kind: string }).kind,
        createdAt: u.createdAt.toISOString(),
        expiresAt: u.expiresAt.toISOString(),
      })),
  );

  app.options('/uploads', { schema: { hide: true } }, async (_request, reply) =>
    tusHeaders(reply)
      .header('Tus-Version', TUS_VERSION)
      .header('Tus-Extension', TUS_EXTENSIONS)
      .header('Tus-Checksum-Algorithm', 'sha1,sha256')
      .header('Tus-Max-Size', String(evidence.maxUploadBytes))
      .status(204)
      .send(),
  );

  app.head('/uploads/:id', { schema: { params: UploadParams, hide: true } }, async (request, reply) => {
    const upload = await readUploadOffset({ ctx, evidence, actor: actorOf(request), uploadId: request.params.id });

    return tusHeaders(reply)
      .header('Upload-Offset', String(upload.receivedBytes))
      .header('Upload-Length', String(upload.declaredSize))
      .header('Upload-Expires', upload.expiresAt.toUTCString())
      .status(200)
      .send();
  });

  app.patch(
    '/uploads/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: '上传文件内容（tus PATCH，application/offset+octet-stream）',
        params: UploadParams,
        hide: true,
      },
    },
    async (request, reply) => {
      if (request.headers['tus-resumable'] !== TUS_VERSION) {
        return tusHeaders(reply).header('Tus-Version', TUS_VERSION).status(412).send();
      }
      if (request.headers['content-type'] !== 'application/offset+octet-stream') {
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'Content-Type', code: 'VALIDATION_FAILED' }] });
      }
      const offset = parseOffset(request.headers['upload-offset']);
      if (offset === null) {
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'Upload-Offset', code: 'VALIDATION_FAILED' }] });
      }
      const checksum = parseChecksum(request.headers['upload-checksum']);
      const result = await receiveUploadChunk({
        ctx,
        evidence,
        actor: actorOf(request),
        uploadId: request.params.id,
        offset,
        checksum,
        contentLength: parseOffset(request.headers['content-length']),
        body: request.raw,
      });
      tusHeaders(reply).header('Upload-Offset', String(result.offset));
      if (result.evidenceId) reply.header('Liuhen-Evidence-Id', result.evidenceId);

      return reply.status(204).send();
    },
  );

  app.get(
    '/cases/:id/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary: '案件的证据：摄录信息、哈希、设备、上传时限、连续性检查、保存期限与冻结（AV-3、AV-4、AV-6、RET-2）',
        params: UploadParams,
        response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      presentCaseEvidence(await listCaseEvidence({ ctx, actor: actorOf(request), caseId: request.params.id })),
  );

  for (const action of ['view', 'download'] as const) {
    app.get(
      action === 'view' ? '/evidence/:id/content' : '/evidence/:id/download',
      {
        schema: {
          tags: ['evidence'],
          summary:
            action === 'view'
              ? '播放或查看证据原件（支持 Range 分段请求；每次查看写入账本）'
              : '下载证据原件（须有下载权限；每次下载写入账本）',
          params: UploadParams,
        },
      },
      async (request, reply) => {
        const range = parseRange(request.headers.range);
        const opened = await openEvidenceContent({
          ctx,
          evidence,
          actor: actorOf(request),
          evidenceId: request.params.id,
          action,
          range: range === 'invalid' ? null : range,
          isFirstRequest: range === null || range === 'invalid' || range.start === 0,
        });
        const size = opened.item.size;
        if (opened.bytes && opened.stream === null) {
          return reply.status(416).header('Content-Range', `bytes */${size}`).send();
        }
        void reply
          .header('Accept-Ranges', 'bytes')
          .header('Content-Type', opened.mediaType)
          .header('X-Content-Type-Options', 'nosniff')
          .header(
            'Content-Disposition',
            `${action === 'view' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(opened.item.filename)}`,
          );
        if (opened.bytes) {
          const { start, end } = opened.bytes;

          return reply
            .status(206)
            .header('Content-Range', `bytes ${start}-${end}/${size}`)
            .header('Content-Length', String(end - start + 1))
            .send(opened.stream);
        }

        return reply.status(200).header('Content-Length', String(size)).send(opened.stream);
      },
    );
  }

  app.post(
    '/evidence/:id/gap-statements',
    {
      schema: {
        tags: ['evidence'],
        summary: '说明音像记录中断的原因（AV-4）',
        params: UploadParams,
        body: Type.Object(
          { reason: Type.String({ maxLength: 40 }), text: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await explainRecordingGap({
          ctx,
          actor: actorOf(request),
          evidenceId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.delete('/uploads/:id', { schema: { params: UploadParams, hide: true } }, async (request, reply) => {
    await cancelUpload({ ctx, evidence, actor: actorOf(request), uploadId: request.params.id });

    return tusHeaders(reply).status(204).send();
  });
};
