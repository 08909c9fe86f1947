import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { loadTestConfig } from '../../server/src/config';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type ServerProcess = {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
};

/** Runs the server's sources (or the bundle `npm start` runs, ADR 0006) with only the variables given (plus PATH). */
export const startServerProcess = (
  env: Record<string, string>,
  script = 'server/src/main.ts',
  args: string[] = [],
): ServerProcess => {
  // One process (node, with the tsx loader for sources), so a signal reaches the server itself and not a wrapper.
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    env: { PATH: loadTestConfig().systemPath, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return {
    child,
    output: () => text,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');

      return exited;
    },
  };
};

export const waitForOutput = async (server: ServerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** A TCP port nobody listens on right now, for a server the test starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Runs `liuhen-verify` as a court would, and returns its exit code and output. */
export const runVerifier = async (args: string[]): Promise<{ code: number | null; output: string }> => {
  const run = startServerProcess({}, 'packages/verifier/src/cli.ts', args);
  const code = await run.exited;

  return { code, output: run.output() };
};
