import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataLockError } from './data-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-lock-'));
  dirs.push(dir);

  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock (issue 2 §3)', () => {
  it('lets one holder in at a time and frees the folder on release', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    expect(() => acquireDataLock(dir)).toThrow(DataLockError);
    expect(() => acquireDataLock(dir)).toThrow(/数据目录已被另一个 Liuhen 进程占用/);
    lock.release();
    acquireDataLock(dir).release();
    expect(fs.existsSync(path.join(dir, 'liuhen.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'liuhen.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));
    const lock = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not judge a lock from another host', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'liuhen.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: 'other-host' }));
    expect(() => acquireDataLock(dir)).toThrow(/other-host/);
  });
});
