import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { toBase64 } from '@liuhen/domain';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { AuditReportSchema, errorResponses, LedgerIntegritySchema } from '../http/schemas';
import type { UseCaseContext } from '../use-cases/context';
import { getLedgerIntegrity } from '../use-cases/get-ledger-integrity';
import {
  auditLedger,
  getConsistencyProof,
  getInclusionProof,
  getLatestCheckpoint,
  getLedgerEntry,
  getLedgerKeys,
  getTlogProof,
} from '../use-cases/read-ledger';

const CodeParams = Type.Object({
  code: Type.String({ pattern: '^[0-9A-Za-z]{18}$', description: '机关统一社会信用代码' }),
});
const Index = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Size = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const TEXT = 'text/plain; charset=utf-8';

export const ledgerRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.get(
    '/ledger/:code/checkpoint',
    {
      schema: {
        tags: ['ledger'],
        summary: '最新签名检查点（C2SP checkpoint，附上级见证签名）',
        description: '公开。文本格式为 C2SP signed note：origin、大小、根哈希（base64），其后为签名行。',
        params: CodeParams,
        response: { 200: Type.String(), ...errorResponses(404) },
      },
    },
    async (request, reply) => reply.type(TEXT).send(await getLatestCheckpoint({ ctx, code: request.params.code })),
  );

  app.get(
    '/ledger/:code/keys',
    {
      schema: {
        tags: ['ledger'],
        summary: '账本身份与验证公钥（C2SP verifier keys）',
        params: CodeParams,
        response: {
          200: Type.Object({
            origin: Type.String(),
            hashAlgorithm: Type.String(),
            logKeys: Type.Array(
              Type.Object({ vkey: Type.String(), algorithm: Type.String(), createdAt: Type.String() }),
            ),
            witnessKeys: Type.Array(
              Type.Object({ vkey: Type.String(), algorithm: Type.String(), createdAt: Type.String() }),
            ),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => getLedgerKeys({ ctx, code: request.params.code }),
  );

  app.get(
    '/ledger/:code/proof/consistency',
    {
      schema: {
        tags: ['ledger'],
        summary: '一致性证明：较新的检查点延续较早的检查点（RFC 9162 §2.1.4）',
        params: CodeParams,
        querystring: Type.Object({ from: Size, to: Type.Optional(Size) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            hashes: Type.Array(Type.String({ description: 'base64' })),
            oldCheckpoint: Type.String(),
            newCheckpoint: Type.String(),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const proof = await getConsistencyProof({ ctx, code: request.params.code, ...request.query });

      return { ...proof, hashes: proof.hashes.map(toBase64) };
    },
  );

  await app.register(async (plain) => {
    const members = plain.withTypeProvider<TypeBoxTypeProvider>();
    members.addHook('onRequest', requireUser);

    members.get(
      '/ledger/:code/entries/:seq',
      {
        schema: {
          tags: ['ledger'],
          summary: '账本条目的原始叶子字节（规范化 JSON）',
          description: '返回与叶子哈希 SHA-256(0x00‖叶子) 对应的原始字节，不做任何重新编码。',
          params: Type.Object({ code: CodeParams.properties.code, seq: Index }),
          response: {
            200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'leaf bytes' }),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const entry = await getLedgerEntry({ ctx, actor: actorOf(request), ...request.params });

        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="ledger-${request.params.code}-${entry.seq}.leaf.json"`)
          .send(Buffer.from(entry.leaf));
      },
    );

    members.get(
      '/ledger/:code/proof/inclusion',
      {
        schema: {
          tags: ['ledger'],
          summary: '包含证明：某条目在已签名树中（RFC 9162 §2.1.3）',
          params: CodeParams,
          querystring: Type.Object({ index: Index, size: Type.Optional(Size) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              index: Type.Integer(),
              size: Type.Integer(),
              hashes: Type.Array(Type.String({ description: 'base64' })),
              checkpoint: Type.String(),
            }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const proof = await getInclusionProof({
          ctx,
          actor: actorOf(request),
          code: request.params.code,
          ...request.query,
        });

        return { ...proof, hashes: proof.hashes.map(toBase64) };
      },
    );

    members.get(
      '/ledger/:code/tlog-proof',
      {
        schema: {
          tags: ['ledger'],
          summary: '下载条目的 C2SP tlog-proof 文件，可用 liuhen-verify 离线核验',
          params: CodeParams,
          querystring: Type.Object({ index: Index }, { additionalProperties: false }),
          response: { 200: Type.String(), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const text = await getTlogProof({
          ctx,
          actor: actorOf(request),
          code: request.params.code,
          index: request.query.index,
        });

        return reply
          .type(TEXT)
          .header(
            'content-disposition',
            `attachment; filename="ledger-${request.params.code}-${request.query.index}.tlog-proof"`,
          )
          .send(text);
      },
    );

    members.get(
      '/ledger/integrity',
      {
        schema: {
          tags: ['ledger'],
          summary: '账本完整性：本机关及下级机关的检查点、见证状态、告警与最近一次核验',
          response: { 200: LedgerIntegritySchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => getLedgerIntegrity({ ctx, actor: actorOf(request) }),
    );

    members.post(
      '/ledger/:code/audits',
      {
        schema: {
          tags: ['ledger'],
          summary: '立即核验账本：重算全部叶子与节点，校验每个检查点（LEDGER-3）',
          params: CodeParams,
          response: { 200: AuditReportSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => auditLedger({ ctx, actor: actorOf(request), code: request.params.code }),
    );
  });
};
