import { isDomainError } from '@liuhen/domain';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { ERROR_CATALOG, FIELD_MESSAGES, type HttpErrorCode } from './error-catalog';

export type ErrorBody = { code: HttpErrorCode; message: string; details?: unknown };

export type FieldProblem = { field: string; code: string; message: string };

const FASTIFY_CODES: Record<string, HttpErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

const pathToField = (instancePath: string): string => instancePath.replace(/^\//, '').replaceAll('/', '.');

const join = (base: string, name: string): string => (base ? `${base}.${name}` : name);

const KEYWORD_MESSAGES: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => '缺少必填字段',
  additionalProperties: () => '不允许的字段',
  type: (p) => `类型不正确（应为 ${String(p.type)}）`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  minLength: (p) => (p.limit === 1 ? '不能为空' : `长度不能少于 ${String(p.limit)} 个字符`),
  format: () => '格式不正确',
  pattern: () => '格式不正确',
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
};

/** Turns schema errors into one problem per field, in Chinese, the same shape as domain field problems. */
export const schemaProblems = (errors: FastifySchemaValidationError[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const params = (error.params ?? {}) as Record<string, unknown>;
    const base = pathToField(error.instancePath);
    const message = KEYWORD_MESSAGES[error.keyword]?.(params) ?? '格式不正确';
    if (error.keyword === 'required' && Array.isArray(params.requiredProperties)) {
      for (const name of params.requiredProperties)
        problems.push({ field: join(base, String(name)), code: 'VALIDATION_FAILED', message });
    } else if (error.keyword === 'additionalProperties' && Array.isArray(params.additionalProperties)) {
      for (const name of params.additionalProperties)
        problems.push({ field: join(base, String(name)), code: 'VALIDATION_FAILED', message });
    } else if (error.keyword !== 'boolean') {
      problems.push({ field: base, code: 'VALIDATION_FAILED', message });
    }
  }
  const seen = new Set<string>();

  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);

    return true;
  });
};

const withFieldMessages = (details: unknown): unknown => {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return details;
  const fields = (details as { fields: { field: string; code: HttpErrorCode }[] }).fields.map((f) => ({
    ...f,
    message: FIELD_MESSAGES[f.code] ?? ERROR_CATALOG[f.code]?.message ?? '格式不正确',
  }));

  return { ...details, fields };
};

export const toErrorBody = (error: FastifyError | Error): ErrorBody => {
  if (isDomainError(error)) {
    const body: ErrorBody = { code: error.code, message: ERROR_CATALOG[error.code].message };
    if (error.details !== undefined && error.code !== 'FORBIDDEN') body.details = withFieldMessages(error.details);

    return body;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return {
      code: 'VALIDATION_FAILED',
      message: ERROR_CATALOG.VALIDATION_FAILED.message,
      details: { fields: schemaProblems(fastifyError.validation) },
    };
  }
  const mapped =
    (fastifyError.code && FASTIFY_CODES[fastifyError.code]) ??
    (fastifyError.statusCode === 429 ? 'RATE_LIMITED' : undefined) ??
    (fastifyError.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : undefined) ??
    (fastifyError.statusCode === 413 ? 'BODY_TOO_LARGE' : undefined) ??
    (fastifyError.statusCode === 400 ? 'MALFORMED_JSON' : undefined);

  return mapped
    ? { code: mapped, message: ERROR_CATALOG[mapped].message }
    : { code: 'INTERNAL_ERROR', message: ERROR_CATALOG.INTERNAL_ERROR.message };
};

export type DenialRecorder = (request: FastifyRequest, body: ErrorBody) => Promise<void>;

/** Rule 5: the single place where errors become HTTP responses; 5xx details never leave the server. */
export const createErrorHandler =
  (recordDenial: DenialRecorder) =>
  async (error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<ErrorBody> => {
    const body = toErrorBody(error);
    const status = ERROR_CATALOG[body.code].status;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code }, 'request refused');
    // SEC-2: every denial is logged; a failure to log must not turn the denial into a 500.
    if (status === 401 || status === 403 || status === 423) {
      await recordDenial(request, body).catch((err: unknown) => request.log.error({ err }, 'could not record denial'));
    }
    void reply.status(status);

    return body;
  };
