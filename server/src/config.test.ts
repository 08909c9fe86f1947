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

  it('accepts .env.example exactly as written', () => {
    const env: Record<string, string> = {};
    const example = fs.readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    for (const line of example.split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2]!;
    }
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['PORT', 'HOST', 'LIUHEN_DATA', 'DATABASE_URL', 'LIUHEN_DEMO', 'LOG_LEVEL']),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });
});
