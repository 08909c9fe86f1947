import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { errorMessageOf } from '../../api/http';
import { useRetireMajorCatalogEntry, type MajorCatalogEntry } from '../../api/legal-review';

const REASON_MAX = 500;

/** REVIEW-1: withdrawing keeps the entry, as decisions reviewed under it still refer to it. */
export const RetireCatalogEntryModal = ({ entry, onClose }: { entry: MajorCatalogEntry; onClose: () => void }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const retire = useRetireMajorCatalogEntry();

  const onFinish = ({ reason }: { reason: string }) =>
    retire.mutate(
      { entryId: entry.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已废止目录事项「${entry.title}」`);
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title="废止目录事项"
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="submit" type="primary" danger loading={retire.isPending} onClick={() => form.submit()}>
          确认废止
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>{entry.title}</Typography.Text>
        <Alert
          type="warning"
          showIcon
          title="废止后，新的执法决定不再因本事项被认定为重大执法决定；本事项仍保留在目录中，以前据其审核的决定可以追溯。废止记入留痕账本。"
        />
        {retire.error ? <Alert type="error" showIcon title={errorMessageOf(retire.error)} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={retire.isPending}>
          <Form.Item
            label="废止理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写废止理由' }]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea maxLength={REASON_MAX} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
};
