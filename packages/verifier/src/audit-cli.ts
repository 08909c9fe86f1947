import { parseArgs } from 'node:util';
import { auditLog, type AuditReport } from './audit';
import { loadAuditSource } from './audit-source';
import { EXIT_INVALID, EXIT_USAGE, EXIT_VALID, processIo, readVkeys, UsageError, type CliIo } from './cli-support';

// liuhen-verify audit: rebuilds every agency's log from a data folder or PostgreSQL and checks it against its
// signed checkpoints. Keys given with --vkey are trusted; otherwise the keys recorded in the database are used.

const options = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  vkey: { type: 'string', multiple: true },
  agency: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const printReport = (io: CliIo, title: string, report: AuditReport): void => {
  const lines = [
    `${title}`,
    `  记录 ${report.entries} 条，检查点 ${report.checkpoints} 个（签名有效 ${report.checkpointsVerified} 个，与重建的树一致 ${report.checkpointsMatching} 个）`,
    `  entries ${report.entries}, checkpoints ${report.checkpoints} (${report.checkpointsVerified} validly signed, ${report.checkpointsMatching} matching the rebuilt tree)`,
    `  重建的树根 / rebuilt root: ${report.root}`,
  ];
  if (report.isOk) {
    lines.push(
      '  未发现问题：全部记录与已签名的检查点一致。',
      '  no findings: every entry agrees with the signed checkpoints.',
    );
  } else {
    lines.push(`  发现 ${report.findings.length} 个问题 / ${report.findings.length} findings:`);
    for (const finding of report.findings) {
      lines.push(`  - [${finding.kind}] ${finding.zh}`, `    ${finding.detail}`);
    }
  }
  io.out(`${lines.join('\n')}\n\n`);
};

/** `liuhen-verify audit …`; returns the exit code (0 no findings, 1 findings, 2 usage or loading error). */
export const runAudit = async (argv: readonly string[], io: CliIo = processIo): Promise<number> => {
  let values;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, '参数错误');
  }
  const dataDir = values.data;
  const databaseUrl = values['database-url'];
  if (!dataDir === !databaseUrl) {
    throw new UsageError(
      'give exactly one of --data <folder> or --database-url <url>',
      '请指定 --data 数据目录或 --database-url 数据库地址，二者选一',
    );
  }
  const givenKeys = values.vkey && values.vkey.length > 0 ? readVkeys(values.vkey) : undefined;
  let logs;
  try {
    logs = await loadAuditSource({ dataDir, databaseUrl, agencyCode: values.agency });
  } catch (error) {
    io.err(`无法读取数据 / cannot load the data: ${(error as Error).message}\n`);

    return EXIT_USAGE;
  }
  if (logs.length === 0) {
    io.err('没有找到任何日志 / no ledger logs found\n');

    return EXIT_USAGE;
  }
  if (!givenKeys) {
    io.err(
      '注意：未提供 --vkey，使用被核验数据库中记录的公钥；请另行核对这些公钥。\n' +
        'note: no --vkey given, so the keys recorded in the audited database are trusted; check them independently.\n\n',
    );
  }
  const reports = logs.map((log) => ({
    agency: log.agencyCode,
    name: log.agencyName,
    origin: log.origin,
    hashAlgorithm: log.hashAlgorithm,
    report: auditLog({
      hasher: log.hasher,
      entries: log.entries,
      checkpoints: log.checkpoints,
      vkeys: givenKeys ?? log.databaseVkeys,
      origin: log.origin,
    }),
  }));
  if (values.json) {
    io.out(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    for (const { agency, name, origin, hashAlgorithm, report } of reports) {
      printReport(io, `${name}（${agency}）日志 ${origin} [${hashAlgorithm}]`, report);
    }
  }

  return reports.every(({ report }) => report.isOk) ? EXIT_VALID : EXIT_INVALID;
};
