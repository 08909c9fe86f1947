import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import type { EvidenceServices } from '../ingest/evidence-services';
import type { UseCaseContext } from '../use-cases/context';
import { listFixityFindings, type FixityFindings } from '../use-cases/list-fixity-findings';
import { listLateEvidence, MAX_LATE_PAGE_SIZE, type LateEvidencePage } from '../use-cases/list-late-evidence';
import { startFixityCheck } from '../use-cases/run-fixity-check';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Person = Type.Object({ id: Type.String(), displayName: Type.String() });
const DateTime = Type.String({ format: 'date-time' });

const OUTCOME_NAMES = {
  missing: '原件缺失',
  altered: '原件被改动',
  unreadable: '原件无法读取',
} as const;

const LateQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ maxLength: 10, description: 'recorded on or after, YYYY-MM-DD (China date)' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'recorded on or before, YYYY-MM-DD (China date)' })),
    officerId: Type.Optional(Type.String({ format: 'uuid', description: 'named on the recording, or its uploader' })),
    deviceId: Type.Optional(Type.String({ format: 'uuid' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LATE_PAGE_SIZE, default: 20 })),
  },
  { additionalProperties: false },
);

const LateListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      evidenceId: Type.String(),
      case: Type.Object({ id: Type.String(), number: Type.String(), summary: Type.String() }),
      kind: Type.String(),
      filename: Type.String(),
      recordedStartedAt: DateTime,
      recordedEndedAt: Nullable(DateTime),
      uploadDueAt: DateTime,
      uploadedAt: DateTime,
      delayHours: Type.Number({ description: 'hours past the upload deadline, one decimal' }),
      uploadedBy: Person,
      officers: Type.Array(Person),
      device: Nullable(
        Type.Object({ id: Type.String(), serialNumber: Type.String(), model: Type.String(), name: Type.String() }),
      ),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const Counts = {
  checked: Type.Integer(),
  bytes: Type.Integer(),
};

const FixitySchema = Type.Object({
  isRunning: Type.Boolean({ description: 'a check is running in this server now' }),
  runs: Type.Array(
    Type.Object({
      id: Type.String(),
      startedAt: DateTime,
      finishedAt: Nullable(DateTime),
      status: Type.String({ description: 'running | finished | unfinished (stopped before its end)' }),
      agency: Type.Object(
        { ...Counts, missing: Type.Integer(), altered: Type.Integer(), unreadable: Type.Integer() },
        { description: "this agency's items among the originals checked" },
      ),
      store: Type.Object(
        { ...Counts, unreferenced: Type.Integer() },
        { description: 'the whole store: originals rehashed, bytes read, stored files no record names' },
      ),
    }),
  ),
  problems: Type.Array(
    Type.Object({
      sha256: Type.String(),
      outcome: Type.String({ description: 'missing | altered | unreadable' }),
      outcomeName: Type.String(),
      checkedAt: DateTime,
      runId: Type.String(),
      expectedSize: Nullable(Type.Integer()),
      actualSize: Nullable(Type.Integer()),
      actualSha256: Nullable(Type.String()),
      error: Nullable(Type.String()),
      items: Type.Array(
        Type.Object({
          evidenceId: Type.String(),
          case: Type.Object({ id: Type.String(), number: Type.String(), summary: Type.String() }),
          filename: Type.String(),
          kind: Type.String(),
          recordedStartedAt: DateTime,
          uploadedAt: DateTime,
        }),
      ),
    }),
  ),
  unreferenced: Type.Array(Type.Object({ sha256: Type.String(), size: Nullable(Type.Integer()), checkedAt: DateTime })),
});

const presentLate = (page: LateEvidencePage) => ({
  ...page,
  items: page.items.map((item) => ({
    ...item,
    recordedStartedAt: item.recordedStartedAt.toISOString(),
    recordedEndedAt: item.recordedEndedAt?.toISOString() ?? null,
    uploadDueAt: item.uploadDueAt.toISOString(),
    uploadedAt: item.uploadedAt.toISOString(),
  })),
});

const presentFixity = (findings: FixityFindings) => ({
  isRunning: findings.runningRunId !== null,
  runs: findings.runs.map((run) => ({
    ...run,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  })),
  problems: findings.problems.map((problem) => ({
    ...problem,
    outcomeName: OUTCOME_NAMES[problem.outcome],
    checkedAt: problem.checkedAt.toISOString(),
    items: problem.items.map((item) => ({
      evidenceId: item.evidenceId,
      case: { id: item.caseId, number: item.caseNumber, summary: item.caseSummary },
      filename: item.filename,
      kind: item.kind,
      recordedStartedAt: item.recordedStartedAt.toISOString(),
      uploadedAt: item.uploadedAt.toISOString(),
    })),
  })),
  unreferenced: findings.unreferenced.map((u) => ({ ...u, checkedAt: u.checkedAt.toISOString() })),
});

/**
 * AV-6 and fixity, for those who supervise the files (permission evidence.audit, the actor's agency only): uploads
 * that came in after their deadline, and the rehashing of stored originals with what it found.
 */
export const evidenceAuditRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  evidence: EvidenceServices;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, evidence, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.get(
    '/evidence/late',
    {
      schema: {
        tags: ['evidence'],
        summary: '逾期上传的证据：迟延时长、执法人员、上传人与设备（AV-6）',
        querystring: LateQuery,
        response: { 200: LateListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => presentLate(await listLateEvidence({ ctx, actor: actorOf(request), query: request.query })),
  );

  app.get(
    '/evidence/fixity',
    {
      schema: {
        tags: ['evidence'],
        summary: '原件完整性检查：近期检查记录与未解决的问题（缺失、被改动、无法读取）',
        response: { 200: FixitySchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => presentFixity(await listFixityFindings({ ctx, actor: actorOf(request) })),
  );

  // Same permission as the list: the check only reads, one runs at a time, and a supervisor needs it to confirm a fix.
  app.post(
    '/evidence/fixity/runs',
    {
      schema: {
        tags: ['evidence'],
        summary: '立即检查本机关全部证据原件的完整性（在后台进行，结果见检查记录）',
        response: { 202: Type.Object({ runId: Type.String() }), ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { runId } = await startFixityCheck({
        ctx,
        evidence,
        actor: actorOf(request),
        onError: (err) => request.log.error({ err }, 'fixity check failed'),
      });

      return reply.status(202).send({ runId });
    },
  );
};
