import { Alert, App, Button, Flex, Form, Input, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/http';
import { useDecideApproval } from '../../api/workspace';
import type { ApprovalDecision, CaseRecord } from '../../api/workspace-types';
import { roleLabel } from '../../features/org/role-labels';
import { formatChinaDateTime } from '../../features/time/china-time';

const DECISION_TAGS: Record<ApprovalDecision, { label: string; color: string }> = {
  approved: { label: '同意', color: 'green' },
  returned: { label: '退回', color: 'red' },
};

/** REVIEW-6: the record's approval steps in order, each with its decision, opinion, approver and time. */
export const ApprovalChain = ({ record }: { record: CaseRecord }) => {
  const { steps, next } = record.approval;
  const nextPosition = steps.findIndex((s) => s.index === next?.index);

  return (
    <Steps
      orientation="vertical"
      size="small"
      current={nextPosition < 0 ? steps.length : nextPosition}
      data-testid="approval-chain"
      items={steps.map((step) => {
        const isNext = next?.index === step.index;

        return {
          key: step.index,
          title: step.label,
          status:
            step.decision === 'approved'
              ? 'finish'
              : step.decision === 'returned'
                ? 'error'
                : isNext
                  ? 'process'
                  : 'wait',
          content: step.decision ? (
            <Flex vertical gap={2} style={{ paddingBottom: 8 }}>
              <Flex gap={8} align="center" wrap>
                <Tag color={DECISION_TAGS[step.decision].color} style={{ marginInlineEnd: 0 }}>
                  {DECISION_TAGS[step.decision].label}
                </Tag>
                <Typography.Text>{step.actor?.displayName ?? '—'}</Typography.Text>
                {step.at ? <Typography.Text type="secondary">{formatChinaDateTime(step.at)}</Typography.Text> : null}
              </Flex>
              {step.opinion ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {step.opinion}
                </Typography.Paragraph>
              ) : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">
              {isNext
                ? `待${roleLabel(step.role)}签署`
                : record.approval.status === 'returned'
                  ? '已退回，未到此步'
                  : '待前序步骤完成'}
            </Typography.Text>
          ),
        };
      })}
    />
  );
};

type FormValues = { opinion: string };

/** The signed-in user's step: an opinion is required either way, and it is their signature on the record. */
export const ApprovalForm = ({ caseId, record }: { caseId: string; record: CaseRecord }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const decide = useDecideApproval(caseId);
  const [error, setError] = useState<string | null>(null);
  const [pendingDecision, setPendingDecision] = useState<ApprovalDecision | null>(null);
  const stepLabel = record.approval.next?.label ?? '审批';

  const submit = async (decision: ApprovalDecision) => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setPendingDecision(decision);
    decide.mutate(
      { recordId: record.id, body: { decision, opinion: values.opinion.trim() } },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(decision === 'approved' ? `已签署「${stepLabel}」：同意` : `已退回${record.name}`);
        },
        onError: (e) => setError(errorMessageOf(e)),
        onSettled: () => setPendingDecision(null),
      },
    );
  };

  return (
    <div
      data-testid="approval-form"
      style={{ padding: 12, border: '1px solid #d6e4ff', borderRadius: 8, background: '#f7faff' }}
    >
      <Typography.Text strong>待您签署：{stepLabel}</Typography.Text>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <Form form={form} layout="vertical" style={{ marginTop: 8 }} disabled={decide.isPending}>
        <Form.Item
          label="审批意见"
          name="opinion"
          rules={[{ required: true, whitespace: true, message: '请填写审批意见' }]}
        >
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" loading={pendingDecision === 'approved'} onClick={() => void submit('approved')}>
            同意
          </Button>
          <Button danger loading={pendingDecision === 'returned'} onClick={() => void submit('returned')}>
            退回
          </Button>
        </Flex>
      </Form>
    </div>
  );
};
