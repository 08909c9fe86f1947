import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DataLock = { path: string; release(): void };

export class DataLockError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(
      `数据目录已被另一个 Liuhen 进程占用（${holder}）。请先停止该进程，或用 LIUHEN_DATA 指定另一个目录。\n` +
        `The data folder is in use by another Liuhen process (${holder}). Stop it first, or set LIUHEN_DATA ` +
        `to another folder. Lock file: ${lockPath}`,
    );
    this.name = 'DataLockError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite does not guard its folder, and two processes writing one folder corrupt it,
 * so the app holds an exclusive lock file for as long as it runs.
 */
export const acquireDataLock = (dataDir: string): DataLock => {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'liuhen.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx', mode: 0o600 });
      let isReleased = false;
      const release = () => {
        if (isReleased) return;
        isReleased = true;
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: number };
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };

      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as typeof holder;
      } catch {
        holder = {};
      }
      const isSameHost = holder.host === undefined || holder.host === os.hostname();
      // A lock left by a crashed process on this machine is stale; one from another host cannot be judged.
      if (typeof holder.pid === 'number' && isSameHost && !isAlive(holder.pid)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      throw new DataLockError(lockPath, `pid ${holder.pid ?? '?'} @ ${holder.host ?? '?'}`);
    }
  }
  throw new DataLockError(lockPath, 'unknown');
};
