import { Alert, App, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useExplainGap, type CatalogEntry, type CaseEvidence } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import { Citations } from '../../components/citations';
import {
  SEVERITY_ALERT,
  caseFindings,
  findingText,
  isUnexplainedGap,
  statementFor,
  type CaseFinding,
} from '../../features/evidence/evidence-view';
import { formatChinaDateTime } from '../../features/time/china-time';

type GapValues = { reason?: string; text?: string };

/** AV-4 (S2 第十六条): the written reason for a stop in the recording, filed after the clip where it stopped. */
const GapStatementForm = ({
  caseId,
  afterEvidenceId,
  reasons,
  onDone,
}: {
  caseId: string;
  afterEvidenceId: string;
  reasons: readonly CatalogEntry[];
  onDone: () => void;
}) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<GapValues>();
  const explain = useExplainGap(caseId);
  const reason = Form.useWatch('reason', form);

  return (
    <Form<GapValues>
      form={form}
      layout="vertical"
      data-testid="gap-statement-form"
      style={{ marginTop: 12, maxWidth: 720 }}
      disabled={explain.isPending}
      onFinish={(values) =>
        explain.mutate(
          { evidenceId: afterEvidenceId, body: { reason: values.reason ?? '', text: (values.text ?? '').trim() } },
          {
            onSuccess: () => {
              void message.success('中断说明已记录并写入账本');
              onDone();
            },
            onError: (error) => form.setFields([{ name: 'text', errors: [errorMessageOf(error)] }]),
          },
        )
      }
    >
      <Form.Item
        label="中断原因"
        name="reason"
        rules={[{ required: true, message: '请选择中断原因' }]}
        extra={<Citations citations={reasons.find((r) => r.id === reason)?.citations} />}
      >
        <Select placeholder="选择客观原因" options={reasons.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item
        label="情况说明"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请写明中断的经过及恢复录制的情况' }]}
      >
        <Input.TextArea
          maxLength={1000}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="如：执法记录仪电量耗尽，更换备用电池后于 10:05 恢复录制，期间现场无执法活动"
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={explain.isPending}>
          提交说明
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Flex>
    </Form>
  );
};

type Props = {
  caseId: string;
  evidence: CaseEvidence;
  reasons: readonly CatalogEntry[];
  canExplain: boolean;
};

const FindingBlock = ({ caseId, finding, evidence, reasons, canExplain }: Props & { finding: CaseFinding }) => {
  const [isExplaining, setIsExplaining] = useState(false);
  const filenameOf = (id: string) => evidence.items.find((i) => i.id === id)?.filename ?? id;
  const statement = statementFor(finding, evidence.gapStatements);
  const reasonName = (id: string) => reasons.find((r) => r.id === id)?.name ?? id;
  const isOpen = isUnexplainedGap(finding);
  const title = isOpen
    ? `${finding.name}，尚未说明原因`
    : finding.code === 'gap'
      ? `${finding.name}（已说明）`
      : finding.name;

  return (
    <Alert
      type={finding.code === 'gap' && !isOpen ? 'success' : SEVERITY_ALERT[finding.severity]}
      showIcon
      data-testid="continuity-finding"
      data-code={finding.code}
      data-status={finding.status ?? finding.severity}
      title={title}
      description={
        <Flex vertical gap={4}>
          <Typography.Text>{findingText(finding, filenameOf)}</Typography.Text>
          {finding.interruption ? (
            <Typography.Text data-testid="gap-statement">
              说明：{reasonName(finding.interruption.reasonId)}——{finding.interruption.text}
              {statement ? (
                <Typography.Text type="secondary">
                  {' '}
                  （{statement.createdBy.displayName} · {formatChinaDateTime(statement.createdAt)}）
                </Typography.Text>
              ) : null}
            </Typography.Text>
          ) : null}
          {isOpen ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              中止录制须有客观原因，并在恢复录制时语音说明或事后书面说明。
            </Typography.Text>
          ) : null}
          <Citations citations={finding.citations} />
          {isOpen && canExplain && !isExplaining ? (
            <Button style={{ width: 'fit-content' }} onClick={() => setIsExplaining(true)}>
              说明中断原因
            </Button>
          ) : null}
          {isOpen && isExplaining ? (
            <GapStatementForm
              caseId={caseId}
              afterEvidenceId={finding.clipIds[0]!}
              reasons={reasons}
              onDone={() => setIsExplaining(false)}
            />
          ) : null}
        </Flex>
      }
    />
  );
};

/** AV-4: what the continuity check found across the case's clips, each once, with the gaps still to explain first. */
export const EvidenceContinuity = (props: Props) => {
  const findings = caseFindings(props.evidence.items);
  if (findings.length === 0) return null;
  const ordered = [...findings.filter(isUnexplainedGap), ...findings.filter((f) => !isUnexplainedGap(f))];

  return (
    <Flex vertical gap={8} data-testid="continuity-findings">
      <Typography.Text strong>连续性检查</Typography.Text>
      {ordered.map((finding) => (
        <FindingBlock key={finding.key} {...props} finding={finding} />
      ))}
    </Flex>
  );
};
