import {
  bytesEqual,
  completeSubtrees,
  isCheckpointError,
  isNoteError,
  leafHash,
  MemoryTree,
  nodeHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  toHex,
  type Hasher,
  type VerifierKey,
} from '@liuhen/domain/ledger';

// LEDGER-3: the full offline audit. Every leaf is rehashed, the whole tree rebuilt, and every signed checkpoint
// compared with it; where they disagree, the first disagreeing window is searched for the tampering that explains it.

export type AuditEntry = {
  seq: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  /** Liuhen's running hash H(0x02 ‖ previous ‖ leaf hash); when present it locates a leaf rewritten with its hash. */
  chainHash?: Uint8Array;
};
export type AuditCheckpoint = { size: number; note: string };

export type AuditFindingKind =
  | 'altered-leaf'
  | 'missing-entry'
  | 'inserted-entry'
  | 'reordered-entries'
  | 'truncated-log'
  | 'checkpoint-root-mismatch'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-beyond-log';

export type AuditFinding = {
  kind: AuditFindingKind;
  /** The log position (seq) concerned, when one is known. */
  seq?: number;
  /** The checkpoint tree size concerned, for checkpoint findings. */
  size?: number;
  detail: string;
  zh: string;
};

export type AuditReport = {
  isOk: boolean;
  entries: number;
  checkpoints: number;
  /** Checkpoints with a valid log signature (and the expected origin). */
  checkpointsVerified: number;
  /** Verified checkpoints whose root equals the root rebuilt from the stored entries. */
  checkpointsMatching: number;
  /** Size and hex root of the tree rebuilt from the entries as stored (in seq order). */
  treeSize: number;
  root: string;
  /** Largest tree size covered by a validly signed checkpoint, 0 if none. */
  signedSize: number;
  findings: AuditFinding[];
};

export type AuditInput = {
  hasher: Hasher;
  /** Rows as read, expected in ascending seq order (seq is the 0-based log index). */
  entries: readonly AuditEntry[];
  checkpoints: readonly AuditCheckpoint[];
  vkeys: readonly (string | VerifierKey)[];
  /** When given, every checkpoint must carry this origin line. */
  origin?: string;
  /** Largest window of entries searched for an inserted entry (default 512) or an exchanged pair (default 64). */
  searchLimits?: { insertion?: number; exchange?: number };
};

type Row = { seq: number; stored: Uint8Array; actual: Uint8Array; chain?: Uint8Array };
type Trusted = { size: number; root: Uint8Array };

const seqRange = (rows: readonly Row[], from: number, to: number): [number, number] => [
  rows[from]?.seq ?? from,
  rows[Math.min(to, rows.length) - 1]?.seq ?? to - 1,
];

const range = (rows: readonly Row[], from: number, to: number): string => {
  const [first, last] = seqRange(rows, from, to);

  return first === last ? `seq ${first}` : `seq ${first}–${last}`;
};

const rangeZh = (rows: readonly Row[], from: number, to: number): string => {
  const [first, last] = seqRange(rows, from, to);

  return first === last ? `第 ${first} 条` : `第 ${first}–${last} 条`;
};

/** MTH of the first `size` leaves where positions ≥ `from` come from `leafAt` and the rest from `tree`. */
const rootWithTail = (
  hasher: Hasher,
  tree: MemoryTree,
  from: number,
  size: number,
  leafAt: (position: number) => Uint8Array,
): Uint8Array => {
  const node = (level: number, index: number): Uint8Array => {
    const width = 2 ** level;
    if ((index + 1) * width <= from) return tree.node(level, index);
    if (level === 0) return leafAt(index);

    return nodeHash(hasher, node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
  };
  const parts = completeSubtrees(0, size).map(({ level, index }) => node(level, index));
  let acc = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) acc = nodeHash(hasher, parts[i]!, acc);

  return acc;
};

const CHAIN_PREFIX = Uint8Array.of(0x02);

/** Index of the first row in [from, to) whose chain hash does not follow from its predecessor and leaf hash. */
const firstBrokenLink = (hasher: Hasher, rows: readonly Row[], from: number, to: number): number | null => {
  for (let i = Math.max(from, 1); i < Math.min(to, rows.length); i++) {
    const previous = rows[i - 1]!.chain;
    const current = rows[i]!.chain;
    if (!previous || !current) return null;
    if (!bytesEqual(hasher.hash(CHAIN_PREFIX, previous, rows[i]!.stored), current)) return i;
  }

  return null;
};

const checkRows = (hasher: Hasher, entries: readonly AuditEntry[], findings: AuditFinding[]): Row[] => {
  const rows: Row[] = [];
  let highest = -1;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.seq) || entry.seq < 0) throw new TypeError(`seq ${entry.seq} is not a log index`);
    const actual = leafHash(hasher, entry.leaf);
    if (!bytesEqual(actual, entry.leafHash)) {
      findings.push({
        kind: 'altered-leaf',
        seq: entry.seq,
        detail: `seq ${entry.seq}: the leaf bytes do not hash to the stored leaf hash ${toHex(entry.leafHash)}`,
        zh: `第 ${entry.seq} 条：记录内容与存储的叶哈希不符，内容已被改动`,
      });
    }
    if (entry.seq < highest) {
      findings.push({
        kind: 'reordered-entries',
        seq: entry.seq,
        detail: `seq ${entry.seq} comes after seq ${highest}`,
        zh: `第 ${entry.seq} 条排在第 ${highest} 条之后，顺序被打乱`,
      });
    }
    highest = Math.max(highest, entry.seq);
    rows.push({
      seq: entry.seq,
      stored: entry.leafHash,
      actual,
      ...(entry.chainHash ? { chain: entry.chainHash } : {}),
    });
  }
  // The tree is built in seq order; rows delivered out of order were reported above.
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.seq - b.row.seq || a.i - b.i)
    .map(({ row }) => row);
  let previous = -1;
  for (const { seq } of sorted) {
    if (seq === previous) {
      if (!findings.some((f) => f.kind === 'inserted-entry' && f.seq === seq)) {
        findings.push({
          kind: 'inserted-entry',
          seq,
          detail: `seq ${seq} appears more than once`,
          zh: `第 ${seq} 条出现了不止一次`,
        });
      }
    } else if (seq > previous + 1) {
      const first = previous + 1;
      const last = seq - 1;
      findings.push({
        kind: 'missing-entry',
        seq: first,
        detail:
          first === last ? `seq ${first} is missing` : `seq ${first}–${last} are missing (${last - first + 1} entries)`,
        zh: first === last ? `缺少第 ${first} 条` : `缺少第 ${first}–${last} 条（共 ${last - first + 1} 条）`,
      });
    }
    previous = seq;
  }

  return sorted;
};

const checkSignatures = (input: AuditInput, findings: AuditFinding[]): Trusted[] => {
  const keys = input.vkeys.map((key) => (typeof key === 'string' ? parseVerifierKey(key) : key));
  const trusted: Trusted[] = [];
  for (const { size, note } of input.checkpoints) {
    const reject = (detail: string, zh: string): void => {
      findings.push({
        kind: 'checkpoint-signature-invalid',
        size,
        detail: `checkpoint ${size}: ${detail}`,
        zh: `检查点 ${size}：${zh}`,
      });
    };
    try {
      const opened = openNote(note, keys);
      // Witness cosignatures alone do not make a checkpoint the log's own statement.
      if (!opened.verified.some((signature) => signature.type !== 'cosignature')) {
        reject('only witness cosignatures verified, no log signature', '只有见证联署，没有日志签名');
        continue;
      }
      const checkpoint = parseCheckpoint(opened.text);
      if (input.origin !== undefined && checkpoint.origin !== input.origin) {
        reject(
          `signed for origin "${checkpoint.origin}", not "${input.origin}"`,
          `签名的日志标识为"${checkpoint.origin}"，不是"${input.origin}"`,
        );
      } else if (checkpoint.size !== size) {
        reject(
          `the stored size does not match the signed size ${checkpoint.size}`,
          `存储的树大小与签名的 ${checkpoint.size} 不符`,
        );
      } else {
        trusted.push({ size, root: checkpoint.root });
      }
    } catch (error) {
      if (isNoteError(error) || isCheckpointError(error)) reject(error.reason, error.zh);
      else throw error;
    }
  }

  return trusted.sort((a, b) => a.size - b.size);
};

/**
 * Audits one log: recomputes every leaf hash, checks seq contiguity, rebuilds the Merkle tree and checks every
 * checkpoint's signature and root. Pure and synchronous; pass a fast hasher (node:crypto) for large logs.
 */
export const auditLog = (input: AuditInput): AuditReport => {
  const { hasher } = input;
  const insertionLimit = input.searchLimits?.insertion ?? 512;
  const exchangeLimit = input.searchLimits?.exchange ?? 64;
  const findings: AuditFinding[] = [];
  let rows = checkRows(hasher, input.entries, findings);
  const trusted = checkSignatures(input, findings);
  const hashes = rows.map((row) => row.actual);
  const tree = new MemoryTree(hasher, hashes);
  const signedSize = trusted.reduce((max, c) => Math.max(max, c.size), 0);

  const rebuildFrom = (position: number, next: Row[]): void => {
    rows = next;
    hashes.length = 0;
    for (const row of rows) hashes.push(row.actual);
    tree.truncate(Math.min(position, tree.size));
    for (let i = tree.size; i < hashes.length; i++) tree.append(hashes[i]!);
  };

  /** Tries the corrections that would explain a mismatch in [from, size); applies and names the first that works. */
  const diagnose = (from: number, checkpoint: Trusted): boolean => {
    const { size, root } = checkpoint;
    const matches = (changedFrom: number, leafAt: (position: number) => Uint8Array): boolean =>
      bytesEqual(rootWithTail(hasher, tree, changedFrom, size, leafAt), root);
    const window = rows.slice(from, size);
    // A gap in seq is already named (missing-entry) and cannot be undone: the deleted leaf is unknown.
    for (let i = from; i < size; i++) if (rows[i]!.seq > (i === 0 ? -1 : rows[i - 1]!.seq) + 1) return false;

    const altered = window.filter((row) => !bytesEqual(row.actual, row.stored));
    if (altered.length > 0) {
      if (!matches(from, (i) => rows[i]!.stored)) return false;
      for (const row of altered) {
        const finding = findings.find((f) => f.kind === 'altered-leaf' && f.seq === row.seq);
        if (finding) {
          finding.detail +=
            '; the stored leaf hash matches the signed checkpoint, so the leaf was changed after signing';
          finding.zh += '；存储的叶哈希与已签名检查点一致，说明记录在签名之后被改动';
        }
      }
      rebuildFrom(
        from,
        rows.map((row) => (altered.includes(row) ? { ...row, actual: row.stored } : row)),
      );

      return true;
    }

    if (rows.length > size && size - from <= insertionLimit) {
      for (let j = from; j < size; j++) {
        if (!matches(j, (i) => rows[i < j ? i : i + 1]!.actual)) continue;
        const forged = rows[j]!;
        const duplicate = findings.find((f) => f.kind === 'inserted-entry' && f.seq === forged.seq);
        if (duplicate) {
          duplicate.detail += `; the copy with leaf hash ${toHex(forged.actual)} is not in the signed log`;
          duplicate.zh += `；叶哈希为 ${toHex(forged.actual)} 的那一条不在已签名的日志中`;
        } else {
          findings.push({
            kind: 'inserted-entry',
            seq: forged.seq,
            detail: `seq ${forged.seq} is not in the signed log; the entries after it were renumbered`,
            zh: `第 ${forged.seq} 条不在已签名的日志中，其后的记录被重新编号`,
          });
        }
        rebuildFrom(
          j,
          rows.filter((_, i) => i !== j),
        );

        return true;
      }
    }

    // Each candidate rehashes the window, so the exchange search only runs on modest windows.
    const last = size - from <= exchangeLimit * 4 ? Math.min(rows.length, from + exchangeLimit) : from;
    for (let a = from; a < Math.min(size, last); a++) {
      for (let b = a + 1; b < last; b++) {
        if (!matches(a, (i) => rows[i === a ? b : i === b ? a : i]!.actual)) continue;
        const first = rows[a]!;
        const second = rows[b]!;
        findings.push({
          kind: 'reordered-entries',
          seq: first.seq,
          detail: `the entries at seq ${first.seq} and seq ${second.seq} are exchanged relative to the signed log`,
          zh: `第 ${first.seq} 条与第 ${second.seq} 条的位置与已签名的日志相比被互换`,
        });
        rebuildFrom(
          a,
          rows.map((row, i) =>
            i === a ? { ...second, seq: first.seq } : i === b ? { ...first, seq: second.seq } : row,
          ),
        );

        return true;
      }
    }

    // The chain hash stored with each entry was computed from the leaf hash as first written: the first link that no
    // longer follows from its stored leaf hash is the rewritten one, unless the chain was rewritten too.
    const rewritten = firstBrokenLink(hasher, rows, from, size);
    if (size - from > 1 && rewritten !== null) {
      const row = rows[rewritten]!;
      findings.push({
        kind: 'altered-leaf',
        seq: row.seq,
        detail: `seq ${row.seq} differs from the signed entry; its stored leaf hash was rewritten to match, but its chain hash still follows the original`,
        zh: `第 ${row.seq} 条与已签名的记录不同（叶哈希被同步改写，但链哈希仍对应原记录）`,
      });
    } else if (size - from === 1) {
      const row = rows[from]!;
      findings.push({
        kind: 'altered-leaf',
        seq: row.seq,
        detail: `seq ${row.seq} differs from the signed entry (its stored leaf hash was rewritten to match)`,
        zh: `第 ${row.seq} 条与已签名的记录不同（存储的叶哈希也被同步改写）`,
      });
    } else if (rows.length < signedSize) {
      findings.push({
        kind: 'missing-entry',
        detail: `the log is ${signedSize - rows.length} entries shorter than signed and diverges within ${range(rows, from, size)}: entries there were deleted and later ones renumbered`,
        zh: `日志比已签名的少 ${signedSize - rows.length} 条，且在${rangeZh(rows, from, size)}之间出现分歧：该处记录被删除，其后记录被重新编号`,
      });
    }

    return false;
  };

  const storedRoot = toHex(tree.root());
  let lastGood = 0;
  let isDiagnosing = true;
  let isCorrected = false;
  let matching = 0;
  let unexplained: AuditFinding | undefined;
  let laterMismatches = 0;
  const beyond: Trusted[] = [];
  for (const checkpoint of trusted) {
    if (checkpoint.size > rows.length) {
      beyond.push(checkpoint);
      continue;
    }
    if (bytesEqual(tree.root(checkpoint.size), checkpoint.root)) {
      if (!isCorrected) matching += 1;
      lastGood = Math.max(lastGood, checkpoint.size);
      continue;
    }
    if (unexplained) {
      laterMismatches += 1;
      continue;
    }
    const finding: AuditFinding = {
      kind: 'checkpoint-root-mismatch',
      size: checkpoint.size,
      detail: `checkpoint ${checkpoint.size}: the rebuilt root ${toHex(tree.root(checkpoint.size))} differs from the signed root ${toHex(checkpoint.root)}; the first difference lies within ${range(rows, lastGood, checkpoint.size)}`,
      zh: `检查点 ${checkpoint.size}：重建的树根与已签名的不同，最早的差异位于${rangeZh(rows, lastGood, checkpoint.size)}之间`,
    };
    findings.push(finding);
    if (isDiagnosing && diagnose(lastGood, checkpoint) && bytesEqual(tree.root(checkpoint.size), checkpoint.root)) {
      isCorrected = true;
      lastGood = checkpoint.size;
      continue;
    }
    isDiagnosing = false;
    unexplained = finding;
  }
  if (unexplained && laterMismatches > 0) {
    unexplained.detail += `; ${laterMismatches} later checkpoint${laterMismatches === 1 ? '' : 's'} also differ`;
    unexplained.zh += `；其后还有 ${laterMismatches} 个检查点也不一致`;
  }

  if (beyond.length > 0) {
    const largest = beyond[beyond.length - 1]!;
    findings.push({
      kind: 'checkpoint-beyond-log',
      size: largest.size,
      detail: `${beyond.length} signed checkpoint${beyond.length === 1 ? '' : 's'} cover more entries than the log holds (${rows.length}); the largest is for ${largest.size}`,
      zh: `有 ${beyond.length} 个已签名检查点覆盖的记录数超过日志现有的 ${rows.length} 条，最大为 ${largest.size} 条`,
    });
    if (!unexplained) {
      findings.push({
        kind: 'truncated-log',
        seq: rows.length,
        detail: `the log ends at ${rows.length} entries but ${largest.size} were signed: entries from position ${rows.length} on were removed`,
        zh: `日志只有 ${rows.length} 条，但已签名 ${largest.size} 条：第 ${rows.length} 条及以后的记录被删除`,
      });
    }
  }

  return {
    isOk: findings.length === 0,
    entries: input.entries.length,
    checkpoints: input.checkpoints.length,
    checkpointsVerified: trusted.length,
    checkpointsMatching: matching,
    treeSize: input.entries.length,
    root: storedRoot,
    signedSize,
    findings,
  };
};
