import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { isDomainError } from '@liuhen/domain';
import { systemClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Database } from '../db/client';
import { acquireDataLock, DataLockError, type DataLock } from '../db/data-lock';
import { findAgencyByCode, listAgencies, listSections } from '../db/repos/agency-repo';
import { findUserByUsername, listUsersOfAgency } from '../db/repos/user-repo';
import { findLedgerLog, listLedgerKeys } from '../db/repos/ledger-repo';
import { rotateLedgerKey } from '../ledger/rotate-key';
import { ERROR_CATALOG } from '../http/error-catalog';
import { createUuidV7 } from '../ids';
import { ledgerSettingsFrom } from '../ledger/ledger-settings';
import { createArgon2Hasher } from '../security/passwords';
import type { SystemActor, UseCaseContext } from '../use-cases/context';
import { createAgency } from '../use-cases/create-agency';
import { createSection } from '../use-cases/create-section';
import { createUser } from '../use-cases/create-user';
import { issueCredential } from '../use-cases/issue-credential';

const USAGE = `留痕管理命令 / Liuhen admin command

  npm run admin -- create-agency --name <机关全称> --short-name <简称> --code <统一社会信用代码>
                                 --level region|city|county [--parent <上级机关代码>]
  npm run admin -- create-section --agency <机关代码> --name <科室名称> --kind enforcement|legal|office|other
  npm run admin -- create-user --agency <机关代码> --username <用户名> --name <姓名> --roles <角色,角色>
                               [--section <科室名称>] [--password-stdin]
  npm run admin -- add-credential --username <用户名> --number <执法证号> --field <执法领域>
                                  --issuer <发证机关> --from YYYY-MM-DD --to YYYY-MM-DD
  npm run admin -- list
  npm run admin -- keys --agency <机关代码>            print the ledger's origin and verifier keys (C2SP vkeys)
  npm run admin -- rotate-key --agency <机关代码> [--witness]

Roles: officer lead_officer section_head legal_reviewer agency_head archivist supervisor
       device_keeper intake_clerk system_admin security_admin audit_admin
The password is asked for twice on a terminal, or read from the first line of stdin with --password-stdin.
The command uses the same settings as the server (DATABASE_URL, LIUHEN_DATA); with the embedded
database, stop the server first: only one process may open the data folder.`;

class UsageError extends Error {}

const required = (values: Record<string, unknown>, ...names: string[]): void => {
  const missing = names.filter((n) => typeof values[n] !== 'string' || (values[n] as string).trim() === '');
  if (missing.length > 0) throw new UsageError(`缺少参数 / missing: ${missing.map((m) => `--${m}`).join(' ')}`);
};

const readHidden = (prompt: string): Promise<string> =>
  new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    // Echo only the prompt, never the characters typed.
    output._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });

const readPassword = async (fromStdin: boolean): Promise<string> => {
  if (fromStdin || !process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();

      return line;
    }
    throw new UsageError('stdin 没有密码 / no password on stdin');
  }
  const first = await readHidden('密码 / password: ');
  const second = await readHidden('再输入一次 / again: ');
  if (first !== second) throw new UsageError('两次输入的密码不一致 / the passwords differ');

  return first;
};

const agencyIdByCode = async (ctx: UseCaseContext, code: string): Promise<string> => {
  const agency = await findAgencyByCode(ctx.db, code.trim().toUpperCase());
  if (!agency) throw new UsageError(`没有代码为 ${code} 的机关 / no agency with code ${code}`);

  return agency.id;
};

const run = async (ctx: UseCaseContext, argv: string[]): Promise<string> => {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      'short-name': { type: 'string' },
      code: { type: 'string' },
      level: { type: 'string' },
      parent: { type: 'string' },
      agency: { type: 'string' },
      kind: { type: 'string' },
      username: { type: 'string' },
      roles: { type: 'string' },
      section: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      witness: { type: 'boolean' },
      number: { type: 'string' },
      field: { type: 'string' },
      issuer: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const actor: SystemActor = { kind: 'system', via: 'cli' };

  switch (command) {
    case 'create-agency': {
      required(values, 'name', 'short-name', 'code', 'level');
      const parentId = values.parent ? await agencyIdByCode(ctx, values.parent) : null;
      const agency = await createAgency({
        ctx,
        actor,
        input: {
          parentId,
          code: values.code!,
          name: values.name!,
          shortName: values['short-name']!,
          level: values.level!,
        },
      });

      return `已创建机关 / agency created: ${agency.name} (${agency.code})`;
    }
    case 'create-section': {
      required(values, 'agency', 'name', 'kind');
      const agencyId = await agencyIdByCode(ctx, values.agency!);
      await createSection({ ctx, actor, input: { agencyId, name: values.name!, kind: values.kind! } });

      return `已创建科室 / section created: ${values.name}`;
    }
    case 'create-user': {
      required(values, 'agency', 'username', 'name', 'roles');
      const agencyId = await agencyIdByCode(ctx, values.agency!);
      let sectionId: string | null = null;
      if (values.section) {
        const section = (await listSections(ctx.db, agencyId)).find((s) => s.name === values.section);
        if (!section) throw new UsageError(`该机关没有科室「${values.section}」 / no such section`);
        sectionId = section.id;
      }
      const password = await readPassword(values['password-stdin'] === true);
      await createUser({
        ctx,
        actor,
        input: {
          agencyId,
          sectionId,
          username: values.username!,
          displayName: values.name!,
          password,
          roles: values.roles!.split(',').map((r) => r.trim()),
        },
      });

      return `已创建用户 / user created: ${values.username}`;
    }
    case 'add-credential': {
      required(values, 'username', 'number', 'field', 'issuer', 'from', 'to');
      const user = await findUserByUsername(ctx.db, values.username!.trim().toLowerCase());
      if (!user) throw new UsageError(`没有用户 ${values.username} / no such user`);
      await issueCredential({
        ctx,
        actor,
        input: {
          userId: user.id,
          number: values.number!,
          field: values.field!,
          issuer: values.issuer!,
          validFrom: values.from!,
          validTo: values.to!,
        },
      });

      return `已登记执法证 / credential recorded: ${values.number}`;
    }
    case 'keys': {
      required(values, 'agency');
      const agencyId = await agencyIdByCode(ctx, values.agency!);
      const log = await findLedgerLog(ctx.db, agencyId);
      const keys = await listLedgerKeys(ctx.db, agencyId);

      return [
        `origin: ${log?.origin ?? '-'}`,
        ...keys.map((k) => `${k.purpose === 'log' ? 'log    ' : 'witness'} ${k.vkey}`),
      ].join('\n');
    }
    case 'rotate-key': {
      required(values, 'agency');
      const agencyId = await agencyIdByCode(ctx, values.agency!);
      const { oldVkey, newVkey } = await rotateLedgerKey({
        ctx,
        agencyId,
        purpose: values.witness ? 'witness' : 'log',
        via: 'cli',
      });

      return `已更换签名密钥 / key rotated\n  old: ${oldVkey ?? '-'}\n  new: ${newVkey}`;
    }
    case 'list': {
      const lines: string[] = [];
      for (const agency of await listAgencies(ctx.db)) {
        lines.push(`${agency.name} (${agency.code}, ${agency.level})`);
        for (const user of await listUsersOfAgency(ctx.db, agency.id)) {
          lines.push(
            `  ${user.username.padEnd(16)} ${user.displayName}  ${user.roles.join(',')}${user.isActive ? '' : '  [停用]'}`,
          );
        }
      }

      return lines.join('\n') || '（数据库中还没有机关 / no agencies yet）';
    }
    default:
      throw new UsageError(command ? `未知命令 / unknown command: ${command}` : '请给出命令 / give a command');
  }
};

const main = async () => {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);

    return;
  }
  let lock: DataLock | null = null;
  let database: Database | null = null;
  try {
    const config = loadConfig();
    if (config.database.kind === 'pglite') lock = acquireDataLock(config.dataDir);
    database = await openDatabase(config.database);
    await database.migrate();
    const clock = systemClock;
    const ctx: UseCaseContext = {
      db: database.db,
      clock,
      newId: createUuidV7(),
      passwords: createArgon2Hasher(),
      session: config.session,
      ledger: ledgerSettingsFrom(config.ledger),
    };
    process.stdout.write(`${await run(ctx, argv)}\n`);
  } catch (error) {
    process.exitCode = 1;
    if (isDomainError(error)) {
      const fields = (error.details as { fields?: { field: string; code: keyof typeof ERROR_CATALOG }[] } | undefined)
        ?.fields;
      process.stderr.write(`${ERROR_CATALOG[error.code].message} (${error.code})\n`);
      for (const f of fields ?? [])
        process.stderr.write(`  - ${f.field}: ${ERROR_CATALOG[f.code]?.message ?? f.code}\n`);
    } else if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataLockError) {
      process.stderr.write(`${error.message}\n`);
      if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
    } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    } else {
      throw error;
    }
  } finally {
    await database?.close();
    lock?.release();
  }
};

await main();
