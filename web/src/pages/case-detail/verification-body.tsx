import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  ExclamationCircleFilled,
  MinusCircleFilled,
} from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { errorMessageOf } from '../../api/http';
import { isNotYetCheckpointed, useEntryProof, type EntryProofMaterials } from '../../api/ledger';
import { saveFile } from '../../features/files/save-file';
import { HASH_ALGORITHM_LABELS, ledgerLabel } from '../../features/ledger/ledger-labels';
import {
  leafFileName,
  offlineVerifyCommand,
  tlogProofFileName,
  vkeyFileName,
  vkeyFileText,
} from '../../features/ledger/proof-files';
import {
  verifyEntry,
  type EntryVerification,
  type VerifyStep,
  type VerifyStepStatus,
} from '../../features/ledger/verify-entry';
import { formatDateTime } from '../../features/time/date-format';
import type { VerifyTarget } from './verify-entry-modal';

const STATUS_VIEW: Record<VerifyStepStatus, { icon: ReactNode; tag: ReactNode }> = {
  passed: {
    icon: <CheckCircleFilled aria-hidden style={{ color: '#52c41a' }} />,
    tag: <Tag color="success">通过</Tag>,
  },
  failed: {
    icon: <CloseCircleFilled aria-hidden style={{ color: '#ff4d4f' }} />,
    tag: <Tag color="error">未通过</Tag>,
  },
  warning: {
    icon: <ExclamationCircleFilled aria-hidden style={{ color: '#faad14' }} />,
    tag: <Tag color="warning">待见证</Tag>,
  },
  skipped: { icon: <MinusCircleFilled aria-hidden style={{ color: '#bfbfbf' }} />, tag: <Tag>未核验</Tag> },
};

const StepList = ({ steps }: { steps: readonly VerifyStep[] }) => (
  <ol aria-label="核验步骤" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
    {steps.map((s) => (
      <li key={s.key} data-testid={`verify-step-${s.key}`} data-status={s.status} style={{ padding: '8px 0' }}>
        <Flex gap={10} align="flex-start">
          <span style={{ fontSize: 16, lineHeight: '22px' }}>{STATUS_VIEW[s.status].icon}</span>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center">
              <Typography.Text strong>{s.title}</Typography.Text>
              {STATUS_VIEW[s.status].tag}
            </Flex>
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {s.detail}
            </Typography.Text>
          </Flex>
        </Flex>
      </li>
    ))}
  </ol>
);

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="mono" style={{ wordBreak: 'break-all' }}>
    {children}
  </span>
);

const orDash = (value: ReactNode): ReactNode => (value === null || value === '' ? '—' : value);

const detailItems = (result: EntryVerification) => [
  { key: 'origin', label: '日志标识', children: orDash(result.origin && <Mono>{result.origin}</Mono>) },
  { key: 'index', label: '条目序号', children: orDash(result.index === null ? null : `#${result.index}`) },
  { key: 'size', label: '树大小', children: orDash(result.treeSize === null ? null : `${result.treeSize} 条`) },
  { key: 'root', label: '根哈希', children: orDash(result.rootHex && <Mono>{result.rootHex}</Mono>) },
  {
    key: 'signer',
    label: '检查点签名密钥',
    children: orDash(
      result.logSigners.length ? (
        <Mono>{result.logSigners.map((s) => `${s.name}（${s.keyId}）`).join('、')}</Mono>
      ) : null,
    ),
  },
  {
    key: 'witness',
    label: '见证方',
    children: orDash(
      result.witnesses.length ? (
        <Flex vertical gap={2}>
          {result.witnesses.map((w) => (
            <span key={`${w.name}+${w.keyId}`}>
              <Mono>{w.name}</Mono>
              {w.cosignedAt ? (
                <Typography.Text type="secondary">（{formatDateTime(w.cosignedAt)}）</Typography.Text>
              ) : null}
            </span>
          ))}
        </Flex>
      ) : null,
    ),
  },
  { key: 'algorithm', label: '哈希算法', children: ledgerLabel(HASH_ALGORITHM_LABELS, result.hashAlgorithm) },
  { key: 'leaf', label: '叶子哈希', children: orDash(result.leafHashHex && <Mono>{result.leafHashHex}</Mono>) },
];

const Verdict = ({ result }: { result: EntryVerification }) => {
  const isWitnessed = result.steps.some((s) => s.key === 'witness' && s.status === 'passed');

  return (
    <div data-testid="verify-result" data-status={result.isVerified ? 'verified' : 'failed'}>
      {result.isVerified ? (
        <Alert
          type="success"
          showIcon
          title="已核验"
          description={`本浏览器已独立完成核验：该记录在账本中，账本检查点由本机关签名${isWitnessed ? '并经上级机关见证' : ''}，记录未被篡改。`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title="核验失败"
          description="以下步骤未通过：该记录或其证明可能被改动。请下载证明文件，交由技术人员或第三方独立复核。"
        />
      )}
    </div>
  );
};

const ProofDownloads = ({ code, seq, materials }: { code: string; seq: number; materials: EntryProofMaterials }) => {
  const command = offlineVerifyCommand(code, seq);

  return (
    <div>
      <Divider style={{ marginBlock: 8 }} />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        下载证明文件
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        法院、当事人或第三方可在另一台计算机上独立核验，无需连接本系统：将以下三个文件保存在同一目录，然后运行下方命令。公钥文件也可换成从其他渠道（如机关公告）取得的公钥，以获得独立于本系统的保证。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => saveFile(leafFileName(code, seq), materials.leaf, 'application/json')}
        >
          叶子 {leafFileName(code, seq)}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => saveFile(tlogProofFileName(code, seq), materials.tlogProof, 'text/plain;charset=utf-8')}
        >
          证明 {tlogProofFileName(code, seq)}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => saveFile(vkeyFileName(code), vkeyFileText(materials.keys), 'text/plain;charset=utf-8')}
        >
          公钥 {vkeyFileName(code)}
        </Button>
      </Flex>
      <Typography.Paragraph
        copyable={{ text: command, tooltips: ['复制命令', '已复制'] }}
        data-testid="verify-command"
        style={{ background: '#f5f7fa', border: '1px solid #e5e8ef', borderRadius: 6, padding: '8px 12px' }}
      >
        <span className="mono" style={{ wordBreak: 'break-all' }}>
          {command}
        </span>
      </Typography.Paragraph>
    </div>
  );
};

type BodyProps = { code: string; caseId: string; target: VerifyTarget };

/** Loaded only when an officer asks to verify: it carries the hashing and signature code. */
export const VerificationBody = ({ code, caseId, target }: BodyProps) => {
  const { data, error, isFetching, refetch } = useEntryProof(code, target.seq);
  const result = useMemo(
    () =>
      data
        ? verifyEntry({
            seq: target.seq,
            leaf: data.leaf,
            tlogProof: data.tlogProof,
            keys: data.keys,
            expected: { leafHashHex: target.leafHash, caseId, type: target.type },
          })
        : null,
    [data, target, caseId],
  );
  const retry = (
    <Button type="primary" onClick={() => void refetch()}>
      重试
    </Button>
  );

  if (isFetching) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="正在下载证明，并在本浏览器中核验…" />
      </Flex>
    );
  }
  if (error) {
    return isNotYetCheckpointed(error) ? (
      <Result
        status="info"
        title="暂时无法核验"
        subTitle="刚写入，签名检查点生成后即可核验（通常一秒内），请稍后重试"
        extra={retry}
        data-testid="verify-pending"
      />
    ) : (
      <Result status="error" title="无法获取证明" subTitle={errorMessageOf(error)} extra={retry} />
    );
  }
  if (!data || !result) return null;

  return (
    <Flex vertical gap={16}>
      <Verdict result={result} />
      <StepList steps={result.steps} />
      <Descriptions bordered size="small" column={1} items={detailItems(result)} />
      <ProofDownloads code={code} seq={target.seq} materials={data} />
    </Flex>
  );
};
