import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadTestConfig } from '../../server/src/config';
import { freePort } from './server-process';

const run = promisify(execFile);

/** The Debian programs a single-node Ceph with radosgw needs (ceph-mon ceph-osd radosgw ceph-common). */
const PROGRAMS = ['ceph-authtool', 'monmaptool', 'ceph-mon', 'ceph', 'ceph-osd', 'radosgw', 'radosgw-admin'];

export type Ceph = {
  /** http://127.0.0.1:<port> of radosgw, the S3 endpoint. */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Seconds from the first command until the S3 user existed. */
  startSeconds: number;
  stop(): Promise<void>;
};

/** Why Ceph cannot run here (missing programs), or null when it can. */
export const cephMissingReason = (): string | null => {
  const dirs = loadTestConfig().systemPath.split(':');
  const missing = PROGRAMS.filter((name) => !dirs.some((dir) => fs.existsSync(path.join(dir, name))));

  return missing.length === 0
    ? null
    : `Ceph is not installed (missing ${missing.join(', ')}): ` +
        'apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common (.ci/run does this)';
};

// Processes started by any Ceph of this test process, killed on exit even when a test file crashes.
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

const config = (dir: string, fsid: string, monPort: number, s3Port: number) => `[global]
fsid = ${fsid}
mon initial members = a
mon host = v1:127.0.0.1:${monPort}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
osd objectstore = memstore
memstore device bytes = 3221225472
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
mon data = ${dir}/mon/$cluster-$id
osd data = ${dir}/osd/$cluster-$id
keyring = ${dir}/keyring
osd max object name len = 256
osd max object namespace len = 64
osd crush update on start = false
osd class update on start = false
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:${s3Port}
rgw data = ${dir}/rgw
`;

/**
 * A throwaway single-node Ceph (mon, memstore OSD, radosgw) on loopback in a temp dir, on free ports, with one S3
 * user: a real Object Lock server for the tests (ecosystem.md §11). Takes about 12 s; start it once per file.
 */
export const startCeph = async (): Promise<Ceph> => {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liuhen-ceph-'));
  for (const sub of ['run', 'log', 'mon', 'osd/ceph-0', 'rgw']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const [monPort, s3Port] = [await freePort(), await freePort()];
  const env = { PATH: loadTestConfig().systemPath };
  const conf = path.join(dir, 'ceph.conf');
  const fsid = randomUUID();
  fs.writeFileSync(conf, config(dir, fsid, monPort, s3Port));
  const children: ChildProcess[] = [];

  const command = (file: string, args: string[], timeoutSeconds = 60) =>
    run(file, args, { cwd: dir, env, timeout: timeoutSeconds * 1000 });
  const daemon = (name: string, file: string, args: string[]) => {
    const log = fs.openSync(path.join(dir, 'log', `${name}.out`), 'a');
    const child = spawn(file, ['-c', conf, ...args, '-f'], { cwd: dir, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    children.push(child);
    living.add(child);
  };
  const stop = async () => {
    // Memstore keeps nothing worth a clean shutdown, and SIGKILL spares the OSD's 5-8 s exit.
    for (const child of [...children].reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      living.delete(child);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const keyring = path.join(dir, 'keyring');
    await command('ceph-authtool', ['--create-keyring', keyring, '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *']);
    await command('ceph-authtool', [
      keyring,
      '--gen-key',
      '-n',
      'client.admin',
      '--cap',
      'mon',
      'allow *',
      '--cap',
      'osd',
      'allow *',
    ]);
    const monmap = path.join(dir, 'monmap');
    // --addv with v1: `--add` on a port other than 6789 makes a msgr2 address, which `ms bind msgr2 = false` never serves.
    await command('monmaptool', ['--create', '--addv', 'a', `[v1:127.0.0.1:${monPort}]`, '--fsid', fsid, monmap]);
    await command('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', '--monmap', monmap, '--keyring', keyring]);
    daemon('mon', 'ceph-mon', ['-i', 'a']);
    await command('ceph', ['-c', conf, 'osd', 'create'], 30);
    // Placed by hand: the OSD's own placement at boot can reach the monitor before it knows the fsid ('wrong fsid').
    await command('ceph', ['-c', conf, 'osd', 'crush', 'add', 'osd.0', '1.0', 'root=default'], 30);
    await command('ceph-osd', ['-c', conf, '-i', '0', '--mkfs']);
    daemon('osd', 'ceph-osd', ['-i', '0']);
    daemon('rgw', 'radosgw', ['-n', 'client.rgw.a']);

    const endpoint = `http://127.0.0.1:${s3Port}`;
    for (let i = 0; ; i++) {
      const isUp = await fetch(`${endpoint}/`).then(
        (response) => response.ok,
        () => false,
      );
      if (isUp) break;
      if (i >= 120) throw new Error(`radosgw did not answer on ${endpoint} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const accessKeyId = `LIUHEN${randomBytes(7).toString('hex').toUpperCase()}`;
    const secretAccessKey = randomBytes(20).toString('base64url');
    await command('radosgw-admin', [
      '-c',
      conf,
      'user',
      'create',
      '--uid=liuhen-test',
      '--display-name=liuhen-test',
      `--access-key=${accessKeyId}`,
      `--secret=${secretAccessKey}`,
    ]);

    return { endpoint, accessKeyId, secretAccessKey, startSeconds: (Date.now() - started) / 1000, stop };
  } catch (error) {
    const logs = fs
      .readdirSync(path.join(dir, 'log'))
      .map((name) => `--- ${name}\n${fs.readFileSync(path.join(dir, 'log', name), 'utf8').slice(-2000)}`)
      .join('\n');
    await stop();
    throw new Error(`Ceph did not start: ${(error as Error).message}\n${logs}`);
  }
};
