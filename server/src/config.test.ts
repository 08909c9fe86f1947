import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, '/srv/liuhen');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  return [];
};

describe('configuration (issue 2 §2)', () => {
  it('defaults to 127.0.0.1:3000, PGlite in ./data/db and demo data on', () => {
    expect(loadConfig({}, '/srv/liuhen')).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/liuhen/data',
      database: { kind: 'pglite', dataDir: '/srv/liuhen/data/db' },
      isDemo: true,
    });
  });

  it('turns demo data off by default on PostgreSQL, unless asked for', () => {
    const url = 'postgres://liuhen@db.example.gov.cn:5432/liuhen';
    expect(loadConfig({ DATABASE_URL: url }).isDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, LIUHEN_DEMO: 'true' }).isDemo).toBe(true);
    expect(loadConfig({ LIUHEN_DEMO: 'off' }).isDemo).toBe(false);
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf({ PORT: '70000', HOST: 'a b', DATABASE_URL: 'mysql://x/y', LIUHEN_DEMO: 'maybe', LOG_LEVEL: 'loud' }),
    ).toHaveLength(5);
    expect(problemsOf({ PORT: '3.5' })[0]).toMatch(/^PORT=3.5/);
    expect(problemsOf({ LIUHEN_SESSION_IDLE_MINUTES: '0' })[0]).toMatch(/LIUHEN_SESSION_IDLE_MINUTES/);
  });

  it('keeps evidence originals in $LIUHEN_DATA/blobs by default, with the upload and fixity defaults (AV-1, AV-7)', () => {
    expect(loadConfig({}, '/srv/liuhen').storage).toEqual({
      blobStore: { kind: 'fs', dir: '/srv/liuhen/data/blobs' },
      uploadMaxBytes: 21_474_836_480,
      uploadExpiryHours: 72,
      fixityDailyPercent: 5,
      fixityHour: 2,
    });
    expect(
      loadConfig({
        LIUHEN_UPLOAD_MAX_BYTES: '1073741824',
        LIUHEN_UPLOAD_EXPIRY_HOURS: '24',
        LIUHEN_FIXITY_DAILY_PERCENT: '0',
        LIUHEN_FIXITY_HOUR: '23',
      }).storage,
    ).toMatchObject({
      uploadMaxBytes: 1_073_741_824,
      uploadExpiryHours: 24,
      fixityDailyPercent: 0,
      fixityHour: 23,
    });
  });

  it('reads an S3 store with Object Lock: RGW-friendly defaults, keys only as a pair (AV-7)', () => {
    const s3 = { LIUHEN_BLOB_STORE: 's3', LIUHEN_S3_BUCKET: 'liuhen-evidence' };
    expect(loadConfig(s3).storage.blobStore).toEqual({
      kind: 's3',
      endpoint: null,
      region: 'us-east-1',
      bucket: 'liuhen-evidence',
      credentials: null,
      forcePathStyle: true,
      checksums: 'when_required',
    });
    expect(
      loadConfig({
        ...s3,
        LIUHEN_S3_ENDPOINT: 'http://10.1.2.3:7480',
        LIUHEN_S3_REGION: 'cn-north-1',
        LIUHEN_S3_ACCESS_KEY_ID: 'AKIA',
        LIUHEN_S3_SECRET_ACCESS_KEY: 'secret',
        LIUHEN_S3_FORCE_PATH_STYLE: 'false',
        LIUHEN_S3_CHECKSUMS: 'when_supported',
      }).storage.blobStore,
    ).toEqual({
      kind: 's3',
      endpoint: 'http://10.1.2.3:7480',
      region: 'cn-north-1',
      bucket: 'liuhen-evidence',
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      forcePathStyle: false,
      checksums: 'when_supported',
    });
  });

  it('lists every storage problem at once', () => {
    const problems = problemsOf({
      LIUHEN_BLOB_STORE: 's3',
      LIUHEN_S3_ENDPOINT: 'ftp://x/y',
      LIUHEN_S3_ACCESS_KEY_ID: 'AKIA',
      LIUHEN_S3_FORCE_PATH_STYLE: 'sometimes',
      LIUHEN_S3_CHECKSUMS: 'always',
      LIUHEN_UPLOAD_MAX_BYTES: '0',
      LIUHEN_UPLOAD_EXPIRY_HOURS: '-1',
      LIUHEN_FIXITY_DAILY_PERCENT: '101',
      LIUHEN_FIXITY_HOUR: '24',
    });
    expect(problems).toHaveLength(9);
    expect(problems.join('\n')).toMatch(/LIUHEN_S3_BUCKET: .*required when LIUHEN_BLOB_STORE=s3/);
    expect(problemsOf({ LIUHEN_BLOB_STORE: 'nfs' })[0]).toMatch(/^LIUHEN_BLOB_STORE=nfs/);
    expect(problemsOf({ LIUHEN_BLOB_STORE: 's3', LIUHEN_S3_BUCKET: 'Evidence_2026' })[0]).toMatch(
      /not a valid bucket name/,
    );
  });

  it('accepts .env.example exactly as written', () => {
    const env: Record<string, string> = {};
    const example = fs.readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    for (const line of example.split('\n')) {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2]!;
    }
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'PORT',
        'HOST',
        'LIUHEN_DATA',
        'DATABASE_URL',
        'LIUHEN_DEMO',
        'LOG_LEVEL',
        'LIUHEN_BLOB_STORE',
        'LIUHEN_S3_ENDPOINT',
        'LIUHEN_S3_REGION',
        'LIUHEN_S3_BUCKET',
        'LIUHEN_S3_ACCESS_KEY_ID',
        'LIUHEN_S3_SECRET_ACCESS_KEY',
        'LIUHEN_S3_FORCE_PATH_STYLE',
        'LIUHEN_S3_CHECKSUMS',
        'LIUHEN_UPLOAD_MAX_BYTES',
        'LIUHEN_UPLOAD_EXPIRY_HOURS',
        'LIUHEN_FIXITY_DAILY_PERCENT',
        'LIUHEN_FIXITY_HOUR',
      ]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });
});
