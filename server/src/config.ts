import path from 'node:path';

// Rule 7: this is the only module that reads process.env.
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  isDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  session: { idleMinutes: number; maxHours: number; isCookieSecure: boolean };
  ledger: LedgerConfig;
  storage: StorageConfig;
  webDistDir: string;
};

export type LedgerConfig = {
  /** Hash of new logs (LEDGER-2); an existing log keeps the hash it was created with. */
  hashAlgorithm: 'sha256' | 'sm3';
  /** Signature of checkpoints: Ed25519 (C2SP type 0x01) or SM2 (GB/T 32918, custom type 0xff). */
  signatureAlgorithm: 'ed25519' | 'sm2';
  /** First part of every log's origin line: <host>/ledger/<agency code>/<hash>. */
  originHost: string;
  keysDir: string;
  checkpointIntervalMs: number;
  witnessIntervalMs: number;
  auditIntervalMs: number;
};

/** Where evidence originals live (AV-1, AV-7, RET-2); the shape is what `openBlobStore` takes. */
export type BlobStoreConfig =
  | { kind: 'fs'; dir: string }
  | {
      kind: 's3';
      endpoint: string | null;
      region: string;
      bucket: string;
      /** null: the AWS SDK's default credential chain. */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
      forcePathStyle: boolean;
      checksums: 'when_required' | 'when_supported';
    };

export type StorageConfig = {
  blobStore: BlobStoreConfig;
  /** Largest original one upload may carry, in bytes. */
  uploadMaxBytes: number;
  /** An unfinished upload is discarded this many hours after its last byte. */
  uploadExpiryHours: number;
  /** Share of stored originals the fixity job rehashes each day (0 = off). */
  fixityDailyPercent: number;
  /** Hour of the day (China time, 0-23) the daily fixity check starts; a missed hour is caught up at the next start. */
  fixityHour: number;
};

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`配置无效 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Parses and checks every variable, collecting all problems so one boot shows them all. */
export const loadConfig = (env: Env = process.env, cwd: string = process.cwd()): Config => {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();

    return v === '' ? undefined : v;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name}=${raw}: 应为 ${min}-${max} 之间的整数 / must be an integer from ${min} to ${max}`);

      return fallback;
    }

    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = value(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (TRUE.includes(raw)) return true;
    if (FALSE.includes(raw)) return false;
    problems.push(`${name}=${raw}: 应为 true 或 false / must be true or false`);

    return fallback;
  };

  const port = integer('PORT', 3000, 1, 65535);
  const host = value('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host))
    problems.push(`HOST=${host}: 不是有效的主机名或地址 / not a host name or address`);
  const dataDir = path.resolve(cwd, value('LIUHEN_DATA') ?? './data');

  const url = value('DATABASE_URL');
  let database: DatabaseConfig = { kind: 'pglite', dataDir: path.join(dataDir, 'db') };
  if (url !== undefined) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || parsed.hostname === '') {
      problems.push(
        'DATABASE_URL: 应为 postgres://用户@主机:端口/数据库 / must look like postgres://user@host:port/db',
      );
    } else {
      database = { kind: 'postgres', url };
    }
  }

  // Demo users by default only on the embedded database, so a production database never gets them by accident.
  const isDemo = flag('LIUHEN_DEMO', database.kind === 'pglite');

  const logLevelRaw = value('LOG_LEVEL') ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw)
    ? (logLevelRaw as Config['logLevel'])
    : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL=${logLevelRaw}: 应为 ${LOG_LEVELS.join('|')}`);

  const idleMinutes = integer('LIUHEN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60);
  const maxHours = integer('LIUHEN_SESSION_MAX_HOURS', 12, 1, 24 * 30);
  const isCookieSecure = flag('LIUHEN_COOKIE_SECURE', false);

  const choice = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
    const raw = value(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}=${raw}: 应为 ${options.join(' 或 ')} / must be ${options.join(' or ')}`);

    return fallback;
  };
  const hashAlgorithm = choice('LIUHEN_LEDGER_HASH', ['sha256', 'sm3'] as const, 'sha256');
  const signatureAlgorithm = choice('LIUHEN_LEDGER_SIGNATURE', ['ed25519', 'sm2'] as const, 'ed25519');
  const originHost = value('LIUHEN_LEDGER_HOST') ?? 'liuhen.local';
  // The host becomes part of signed checkpoints, so only characters a C2SP origin line can carry.
  if (!/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/.test(originHost)) {
    problems.push(
      `LIUHEN_LEDGER_HOST=${originHost}: 应为小写主机名，如 zfjl.example.gov.cn / must be a lower-case host name`,
    );
  }
  const checkpointIntervalMs = integer('LIUHEN_CHECKPOINT_INTERVAL_MS', 500, 100, 5000);
  const witnessIntervalMs = integer('LIUHEN_WITNESS_INTERVAL_SECONDS', 30, 1, 86_400) * 1000;
  const auditIntervalMs = integer('LIUHEN_AUDIT_INTERVAL_HOURS', 24, 1, 24 * 365) * 3_600_000;

  const blobStoreKind = choice('LIUHEN_BLOB_STORE', ['fs', 's3'] as const, 'fs');
  let blobStore: BlobStoreConfig = { kind: 'fs', dir: path.join(dataDir, 'blobs') };
  if (blobStoreKind === 's3') {
    const endpoint = value('LIUHEN_S3_ENDPOINT') ?? null;
    if (endpoint !== null && !/^https?:\/\/[^/\s]+\/?$/.test(endpoint)) {
      problems.push(
        `LIUHEN_S3_ENDPOINT=${endpoint}: 应为 http(s)://主机:端口 / must look like https://host:port (no path)`,
      );
    }
    const region = value('LIUHEN_S3_REGION') ?? 'us-east-1';
    if (!/^[a-z0-9-]+$/.test(region))
      problems.push(`LIUHEN_S3_REGION=${region}: 应为区域名，如 us-east-1 / not a region`);
    const bucket = value('LIUHEN_S3_BUCKET') ?? '';
    // S3 bucket naming rules, so a typo shows at boot and not at the first upload.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      problems.push(
        bucket === ''
          ? 'LIUHEN_S3_BUCKET: LIUHEN_BLOB_STORE=s3 时必填 / required when LIUHEN_BLOB_STORE=s3'
          : `LIUHEN_S3_BUCKET=${bucket}: 不是有效的存储桶名 / not a valid bucket name`,
      );
    }
    const accessKeyId = value('LIUHEN_S3_ACCESS_KEY_ID');
    const secretAccessKey = value('LIUHEN_S3_SECRET_ACCESS_KEY');
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      problems.push(
        'LIUHEN_S3_ACCESS_KEY_ID 与 LIUHEN_S3_SECRET_ACCESS_KEY 应同时设置或同时不设 / set both or neither',
      );
    }
    blobStore = {
      kind: 's3',
      endpoint,
      region,
      bucket,
      credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : null,
      forcePathStyle: flag('LIUHEN_S3_FORCE_PATH_STYLE', true),
      checksums: choice('LIUHEN_S3_CHECKSUMS', ['when_required', 'when_supported'] as const, 'when_required'),
    };
  }
  const storage: StorageConfig = {
    blobStore,
    // 20 GiB: a full shift of body-camera video; S3 itself stops at 5 TiB per object.
    uploadMaxBytes: integer('LIUHEN_UPLOAD_MAX_BYTES', 20 * 1024 ** 3, 1, 5 * 1024 ** 4),
    uploadExpiryHours: integer('LIUHEN_UPLOAD_EXPIRY_HOURS', 72, 1, 24 * 365),
    fixityDailyPercent: integer('LIUHEN_FIXITY_DAILY_PERCENT', 5, 0, 100),
    fixityHour: integer('LIUHEN_FIXITY_HOUR', 2, 0, 23),
  };

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host,
    dataDir,
    database,
    isDemo,
    logLevel,
    session: { idleMinutes, maxHours, isCookieSecure },
    ledger: {
      hashAlgorithm,
      signatureAlgorithm,
      originHost,
      keysDir: path.join(dataDir, 'keys'),
      checkpointIntervalMs,
      witnessIntervalMs,
      auditIntervalMs,
    },
    storage,
    webDistDir: path.join(REPO_ROOT, 'web', 'dist'),
  };
};

export type TestConfig = {
  backend: 'pglite' | 'postgres';
  postgresUrl: string | null;
  chromiumPath: string;
  /** PATH for child processes the tests start (the server itself, the admin command). */
  systemPath: string;
};

/** What the test harness may use from the environment; kept here so no other module reads it. */
export const loadTestConfig = (env: Env = process.env): TestConfig => {
  const postgresUrl = env.LIUHEN_TEST_DATABASE_URL?.trim() || null;
  const backend = env.LIUHEN_TEST_BACKEND?.trim() === 'postgres' ? 'postgres' : 'pglite';
  if (backend === 'postgres' && postgresUrl === null) {
    throw new ConfigError([
      'LIUHEN_TEST_BACKEND=postgres 需要 LIUHEN_TEST_DATABASE_URL / needs LIUHEN_TEST_DATABASE_URL',
    ]);
  }

  return {
    backend,
    postgresUrl,
    chromiumPath: env.LIUHEN_CHROMIUM?.trim() || '/usr/bin/chromium',
    systemPath: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  };
};

/** The environment for a child process of the test runner: this one's, with some variables set. */
export const childEnvironment = (overrides: Env): Env => ({ ...process.env, ...overrides });
