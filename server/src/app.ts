import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type onRequestAsyncHookHandler } from 'fastify';
import type { Clock } from './clock';
import type { Database } from './db/client';
import { insertSecurityEvent } from './db/repos/session-repo';
import { ERROR_CATALOG } from './http/error-catalog';
import { createErrorHandler } from './http/error-handler';
import { ErrorSchema } from './http/schemas';
import type { IdGenerator } from './ids';
import type { LedgerSettings } from './ledger/ledger-settings';
import { authRoutes } from './routes/auth-routes';
import { caseRoutes } from './routes/case-routes';
import { healthRoutes } from './routes/health-routes';
import { ledgerRoutes } from './routes/ledger-routes';
import { peopleRoutes } from './routes/people-routes';
import { deviceRoutes } from './routes/device-routes';
import { evidenceAuditRoutes } from './routes/evidence-audit-routes';
import { documentRoutes } from './routes/document-routes';
import { legalReviewRoutes } from './routes/legal-review-routes';
import { retentionRoutes } from './routes/retention-routes';
import { uploadRoutes } from './routes/upload-routes';
import { workspaceRoutes } from './routes/workspace-routes';
import type { EvidenceServices } from './ingest/evidence-services';
import type { PasswordHasher } from './security/passwords';
import { SESSION_COOKIE } from './security/session-token';
import type { UseCaseContext } from './use-cases/context';
import { resolveSession } from './use-cases/resolve-session';

export type AppOptions = {
  database: Database;
  clock: Clock;
  newId: IdGenerator;
  passwords: PasswordHasher;
  session: { idleMinutes: number; maxHours: number; isCookieSecure: boolean };
  ledger: LedgerSettings;
  /** The evidence store, staging folder and upload hashes (AV-7). */
  evidence: EvidenceServices;
  /** Built web client; when absent the API still runs and pages say how to build it. */
  webDistDir: string | null;
  logger: FastifyServerOptions['logger'];
  loginRateLimit?: { max: number; timeWindow: number };
};

// SEC-3: JSON bodies of this API are small; anything larger is refused before it is parsed.
const BODY_LIMIT_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
// Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only.
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Everything the server does over HTTP, built from explicit dependencies so tests run it with app.inject. */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  registerAjvFormats();
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    genReqId: () => options.newId(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // Only JSON is accepted; a text/plain body is how cross-site forms would reach the API.
  app.removeContentTypeParser('text/plain');

  const ctx: UseCaseContext = {
    db: options.database.db,
    clock: options.clock,
    newId: options.newId,
    passwords: options.passwords,
    session: options.session,
    ledger: options.ledger,
  };

  app.decorateRequest('actor', null);
  const requireUser: onRequestAsyncHookHandler = async (request) => {
    request.actor = await resolveSession({ ctx, token: request.cookies[SESSION_COOKIE] });
  };

  app.setErrorHandler(
    createErrorHandler(async (request, body) => {
      await insertSecurityEvent(ctx.db, {
        id: ctx.newId(),
        at: ctx.clock.now(),
        kind: body.code === 'FORBIDDEN' || body.code === 'ACCOUNT_DISABLED' ? 'access_denied' : 'authentication_failed',
        code: body.code,
        userId: request.actor?.userId ?? null,
        method: request.method,
        path: request.url.slice(0, 500),
        ip: request.ip ?? null,
      });
    }),
  );

  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && options.webDistDir) {
      const index = path.join(options.webDistDir, 'index.html');
      if (fs.existsSync(index))
        return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    if (isPage) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>留痕</title><p>网页尚未构建：请运行 <code>npm run build</code> 后重启。</p>',
        );
    }

    return reply.status(404).send({ code: 'NOT_FOUND', message: ERROR_CATALOG.NOT_FOUND.message });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !request.url.startsWith('/api/docs'))
      void reply.header('content-security-policy', PAGE_CSP);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');

    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  app.addSchema(ErrorSchema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '留痕 Liuhen API',
        description: '行政执法全过程记录平台接口。会话以 Cookie 传递；错误统一为 {code, message, details}。',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const loginRateLimit = options.loginRateLimit ?? { max: 20, timeWindow: 60_000 };
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx, databaseKind: options.database.kind });
      await api.register(authRoutes, {
        ctx,
        requireUser,
        isCookieSecure: options.session.isCookieSecure,
        loginRateLimit,
      });
      await api.register(caseRoutes, { ctx, requireUser });
      await api.register(peopleRoutes, { ctx, requireUser });
      await api.register(ledgerRoutes, { ctx, requireUser });
      await api.register(workspaceRoutes, { ctx, requireUser });
      await api.register(uploadRoutes, { ctx, evidence: options.evidence, requireUser });
      await api.register(deviceRoutes, { ctx, requireUser });
      await api.register(retentionRoutes, { ctx, evidence: options.evidence, requireUser });
      await api.register(evidenceAuditRoutes, { ctx, evidence: options.evidence, requireUser });
      await api.register(legalReviewRoutes, { ctx, requireUser });
      await api.register(documentRoutes, { ctx, requireUser });
    },
    { prefix: '/api' },
  );

  if (options.webDistDir && fs.existsSync(options.webDistDir)) {
    await app.register(fastifyStatic, { root: options.webDistDir, wildcard: false, index: false });
  }

  return app;
};
