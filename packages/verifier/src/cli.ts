import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isHashAlgorithm, type HashAlgorithm } from '@liuhen/domain/ledger';
import {
  describeSignature,
  describeSignatureZh,
  EXIT_INVALID,
  EXIT_USAGE,
  EXIT_VALID,
  hashName,
  isUsageError,
  processIo,
  readBytes,
  readText,
  readVkeys,
  requireOne,
  UsageError,
  type CliIo,
} from './cli-support';
import { isVerifyError, verifyConsistencyFiles, verifyProofFile, type SignedCheckpoint } from './index';

// liuhen-verify: offline checks of Liuhen ledger evidence. Chinese first, then English; exit 0 valid, 1 invalid,
// 2 usage error.

const USAGE = `用法 / Usage:
  liuhen-verify proof --vkey <公钥|@文件> [--vkey …] --proof <文件.tlog-proof> --leaf <记录文件> [--hash sha256|sm3]
  liuhen-verify consistency --vkey <公钥|@文件> [--vkey …] --old <旧检查点> --new <新检查点> --proof <证明文件> [--hash sha256|sm3]
  liuhen-verify audit (--data <数据目录> | --database-url <postgres://…>) [--vkey …] [--agency <机构代码>] [--json]

退出码 / exit codes: 0 核验通过 verified · 1 核验失败 not verified · 2 用法错误 usage error
`;

const hashOption = (value: string | undefined): HashAlgorithm | undefined => {
  if (value === undefined) return undefined;
  if (!isHashAlgorithm(value))
    throw new UsageError(`--hash must be sha256 or sm3, not ${value}`, '--hash 只能是 sha256 或 sm3');

  return value;
};

const asUsage = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    throw new UsageError((error as Error).message, '参数错误');
  }
};

const signatureLines = (checkpoint: SignedCheckpoint, indent: string): { zh: string[]; en: string[] } => ({
  zh: [
    ...checkpoint.logSignatures.map((s) => `${indent}日志签名已验证：${describeSignatureZh(s)}`),
    ...checkpoint.cosignatures.map((s) => `${indent}见证联署已验证：${describeSignatureZh(s)}`),
    ...(checkpoint.ignoredSignatures.length > 0
      ? [`${indent}未提供公钥、已忽略的签名：${checkpoint.ignoredSignatures.join('、')}`]
      : []),
  ],
  en: [
    ...checkpoint.logSignatures.map((s) => `${indent}log signature verified: ${describeSignature(s)}`),
    ...checkpoint.cosignatures.map((s) => `${indent}witness cosignature verified: ${describeSignature(s)}`),
    ...(checkpoint.ignoredSignatures.length > 0
      ? [`${indent}ignored signatures from keys not given: ${checkpoint.ignoredSignatures.join(', ')}`]
      : []),
  ],
});

const runProof = (argv: string[], io: CliIo): number => {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      options: {
        vkey: { type: 'string', multiple: true },
        proof: { type: 'string' },
        leaf: { type: 'string' },
        hash: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  const vkeys = readVkeys(values.vkey ?? []);
  const tlogProofText = readText(requireOne(values.proof, '--proof'));
  const leaf = readBytes(requireOne(values.leaf, '--leaf'));
  const result = verifyProofFile({ vkeys, tlogProofText, leaf, hashAlgorithm: hashOption(values.hash) });
  const { checkpoint } = result;
  const signatures = signatureLines(checkpoint, '  ');
  io.out(
    [
      `核验通过：该记录是日志 ${checkpoint.origin} 的第 ${result.index} 条（序号从 0 起），包含在大小为 ${checkpoint.size} 的已签名树中。`,
      `  叶哈希（${hashName(result.hashAlgorithm)}）：${result.leafHash}`,
      `  树根：${checkpoint.root}`,
      `  包含证明：${result.proofLength} 个哈希，有效`,
      ...signatures.zh,
      `VERIFIED: the record is entry ${result.index} (0-based) of log ${checkpoint.origin}, included in the signed tree of size ${checkpoint.size}.`,
      `  leaf hash (${hashName(result.hashAlgorithm)}): ${result.leafHash}`,
      `  root: ${checkpoint.root}`,
      `  inclusion proof: ${result.proofLength} hashes, valid`,
      ...signatures.en,
      '',
    ].join('\n'),
  );

  return EXIT_VALID;
};

const runConsistency = (argv: string[], io: CliIo): number => {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      options: {
        vkey: { type: 'string', multiple: true },
        old: { type: 'string' },
        new: { type: 'string' },
        proof: { type: 'string' },
        hash: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  const vkeys = readVkeys(values.vkey ?? []);
  const result = verifyConsistencyFiles({
    vkeys,
    oldCheckpoint: readText(requireOne(values.old, '--old')),
    newCheckpoint: readText(requireOne(values.new, '--new')),
    proof: readText(requireOne(values.proof, '--proof')),
    hashAlgorithm: hashOption(values.hash),
  });
  const older = signatureLines(result.old, '    ');
  const newer = signatureLines(result.new, '    ');
  io.out(
    [
      `核验通过：日志 ${result.new.origin} 大小为 ${result.new.size} 的树是大小为 ${result.old.size} 的树的延续，此前的记录没有被改动或删除。`,
      `  旧树根：${result.old.root}`,
      ...older.zh,
      `  新树根：${result.new.root}`,
      ...newer.zh,
      `  一致性证明（${hashName(result.hashAlgorithm)}）：${result.proofLength} 个哈希，有效`,
      `VERIFIED: the tree of size ${result.new.size} of log ${result.new.origin} extends the tree of size ${result.old.size}; no earlier record was changed or removed.`,
      `  old root: ${result.old.root}`,
      ...older.en,
      `  new root: ${result.new.root}`,
      ...newer.en,
      `  consistency proof (${hashName(result.hashAlgorithm)}): ${result.proofLength} hashes, valid`,
      '',
    ].join('\n'),
  );

  return EXIT_VALID;
};

/** Runs one command and returns its exit code; output goes through `io`. */
export const runCli = async (argv: readonly string[], io: CliIo = processIo): Promise<number> => {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'proof':
        return runProof(rest, io);
      case 'consistency':
        return runConsistency(rest, io);
      case 'audit': {
        // Loaded on demand: only the audit needs the database drivers.
        const { runAudit } = await import('./audit-cli');

        return await runAudit(rest, io);
      }
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);

        return EXIT_VALID;
      default:
        io.err(command === undefined ? USAGE : `未知命令 / unknown command: ${command}\n\n${USAGE}`);

        return EXIT_USAGE;
    }
  } catch (error) {
    if (isUsageError(error)) {
      io.err(`用法错误：${error.zh}\nusage error: ${error.message}\n\n${USAGE}`);

      return EXIT_USAGE;
    }
    if (isVerifyError(error)) {
      io.err(`核验失败：${error.zh}\nNOT VERIFIED: ${error.reason}\n`);

      return error.code === 'invalid-vkey' ? EXIT_USAGE : EXIT_INVALID;
    }
    throw error;
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
