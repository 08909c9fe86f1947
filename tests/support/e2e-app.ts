import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadTestConfig } from '../../server/src/config';
import { startLedgerWorker, type LedgerWorker } from '../../server/src/ledger/ledger-worker';
import { seedDemo } from '../../server/src/use-cases/seed-demo';
import { createTestApp, type TestApp } from './test-context';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type E2eApp = {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A page in Chinese locale and China time that collects uncaught page errors. */
  newPage: () => Promise<Page & { errors: string[] }>;
  logIn: (page: Page, username: string) => Promise<void>;
  shot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
  /** Keeps the server's clock on the wall clock while a browser test runs; returns the stop function. */
  tickingClock: () => () => void;
  close: () => Promise<void>;
};

/** The built web client served by the real app on a free port, the ledger worker running, and Chromium. */
export const startE2eApp = async (): Promise<E2eApp> => {
  const t = await createTestApp({ webDistDir: path.join(ROOT, 'web', 'dist') });
  // The session clock follows the wall clock here: the browser lives in real time.
  t.clock.set(new Date());
  await seedDemo({ ctx: t.ctx });
  // The ledger worker as in production, with short intervals so checkpoints and witnessing happen within the test.
  const worker: LedgerWorker = startLedgerWorker({
    ctx: t.ctx,
    log: t.app.log,
    checkpointIntervalMs: 200,
    witnessIntervalMs: 500,
    auditIntervalMs: 3_600_000,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: loadTestConfig().chromiumPath, args: CHROMIUM_ARGS });
  fs.mkdirSync(SHOTS, { recursive: true });

  const newPage = async () => {
    const page = (await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(String(error)));

    return page;
  };
  const logIn = async (page: Page, username: string) => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('liuhen-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  const shot = async (page: Page, name: string, fullPage = true) => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
  };
  const tickingClock = () => {
    const timer = setInterval(() => t.clock.set(new Date()), 200);

    return () => clearInterval(timer);
  };

  return {
    t,
    base,
    browser,
    newPage,
    logIn,
    shot,
    tickingClock,
    close: async () => {
      await worker.stop();
      await browser.close();
      await t.close();
    },
  };
};
