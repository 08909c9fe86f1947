import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useDecideReviewExtension, type ExtensionDecision, type OpenLegalReview } from '../../api/legal-review';
import { errorMessageOf } from '../../api/http';

const OPINION_MAX = 1000;

export type DecidingExtension = {
  review: OpenLegalReview;
  extension: OpenLegalReview['pendingExtensions'][number];
  decision: ExtensionDecision;
};

/** REVIEW-4: 经分管局领导批准 — the decision on an extension with its required opinion, recorded in the ledger. */
export const ExtensionDecisionModal = ({ deciding, onClose }: { deciding: DecidingExtension; onClose: () => void }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const decide = useDecideReviewExtension();
  const { review, extension, decision } = deciding;
  const isApproval = decision === 'approved';

  const onFinish = ({ opinion }: { opinion: string }) =>
    decide.mutate(
      { extensionId: extension.id, decision, opinion: opinion.trim() },
      {
        onSuccess: (done) => {
          void message.success(
            done.decision === 'approved'
              ? `已批准延长 ${review.caseNumber} 的法制审核期限，审核期限至 ${done.dueOn}`
              : `已不批准延长 ${review.caseNumber} 的法制审核期限`,
          );
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={isApproval ? '批准延长审核期限' : '不批准延长审核期限'}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" loading={decide.isPending} onClick={() => form.submit()}>
          {isApproval ? '确认批准' : '确认不批准'}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          <span className="mono">{review.caseNumber}</span> 第{review.round}轮法制审核，现审核期限至 {review.dueOn}
          ，申请延长 {extension.workingDays} 个工作日：{extension.reason}
        </Typography.Text>
        <Alert
          type="info"
          showIcon
          title={
            isApproval
              ? '批准后，审核期限按本机关工作日历自送审之日起重新计算；审批意见记入留痕账本。'
              : '不批准的，审核期限不变；审批意见记入留痕账本。'
          }
        />
        {decide.error ? <Alert type="error" showIcon title={errorMessageOf(decide.error)} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={decide.isPending}>
          <Form.Item
            label="审批意见"
            name="opinion"
            rules={[{ required: true, whitespace: true, message: '请填写审批意见' }]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea maxLength={OPINION_MAX} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
};
