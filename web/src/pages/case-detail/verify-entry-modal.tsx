import { Button, Flex, Modal, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';

export type VerifyTarget = { seq: number; type: string; leafHash: string };

const VerificationBody = lazy(() => import('./verification-body').then((m) => ({ default: m.VerificationBody })));

const Loading = () => (
  <Flex justify="center" style={{ padding: 48 }}>
    <Spin description="正在准备核验…" />
  </Flex>
);

type Props = {
  code: string;
  caseId: string;
  target: VerifyTarget | null;
  isOpen: boolean;
  onClose: () => void;
  afterClose: () => void;
};

export const VerifyEntryModal = ({ code, caseId, target, isOpen, onClose, afterClose }: Props) => (
  <Modal
    title="账本核验"
    open={isOpen}
    onCancel={onClose}
    afterClose={afterClose}
    destroyOnHidden
    width={760}
    footer={<Button onClick={onClose}>关闭</Button>}
  >
    {target ? (
      <>
        <Typography.Paragraph type="secondary">
          账本条目 #{target.seq}：以下核验在您的浏览器中独立完成，不采信服务器的结论。
        </Typography.Paragraph>
        <Suspense fallback={<Loading />}>
          <VerificationBody code={code} caseId={caseId} target={target} />
        </Suspense>
      </>
    ) : null}
  </Modal>
);
