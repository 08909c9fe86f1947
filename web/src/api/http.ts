import type { FieldError } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field problems from a validation error's `details.fields`, ignoring anything malformed. */
export const fieldErrorsOf = (error: unknown): FieldError[] => {
  if (!isApiError(error) || !isRecord(error.details)) return [];
  const fields = error.details.fields;
  if (!Array.isArray(fields)) return [];

  return fields.filter(
    (f): f is FieldError =>
      isRecord(f) && typeof f.field === 'string' && typeof f.code === 'string' && typeof f.message === 'string',
  );
};

/** The Chinese message to show for any thrown value. */
export const errorMessageOf = (error: unknown): string => {
  if (isApiError(error)) return error.message;

  return '操作失败，请稍后重试';
};

const fallbackMessage = (status: number): string => {
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status >= 500) return `服务暂时不可用（${status}），请稍后重试`;

  return `请求失败（${status}）`;
};

/** The error of a response already read as text (an upload's XMLHttpRequest gives no Response to parse). */
export const apiErrorOf = (status: number, text: string): ApiError => {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.message === 'string' && body.message ? body.message : fallbackMessage(status);

    return new ApiError(status, body.code, message, body.details);
  }

  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
};

const toApiError = async (response: Response): Promise<ApiError> => {
  let text = '';
  try {
    text = await response.text();
  } catch {
    text = '';
  }

  return apiErrorOf(response.status, text);
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A GET whose success body is not JSON (a file or a signed note); errors still come as JSON. */
const fetchOk = async (path: string, accept: string): Promise<Response> => {
  let response: Response;
  try {
    response = await fetch(path, { method: 'GET', headers: { Accept: accept }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await toApiError(response);

  return response;
};

export const requestText = async (path: string): Promise<string> =>
  (await fetchOk(path, 'text/plain, application/json')).text();

/** The exact bytes served, never re-encoded: hashes are computed over them. */
export const requestBytes = async (path: string): Promise<Uint8Array<ArrayBuffer>> =>
  new Uint8Array(await (await fetchOk(path, 'application/octet-stream, application/json, */*')).arrayBuffer());

export const request = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
  const isMutating = method !== 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server demands a JSON content type on every mutation, and Fastify refuses an empty JSON body.
  if (isMutating) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: isMutating ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();

  return (text ? JSON.parse(text) : undefined) as T;
};

export const toQueryString = (params: Record<string, string | number | boolean | null | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();

  return text ? `?${text}` : '';
};
