import { Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/current-user';
import { ForbiddenResult } from '../../components/forbidden-result';
import {
  evidenceOversightAccessOf,
  OVERSIGHT_TAB_LABELS,
  tabOf,
  type OversightTab,
} from '../../features/evidence-oversight/oversight-access';
import { DisposalPreviewTab } from './disposal-preview-tab';
import { DisposalRequestsTab } from './disposal-requests-tab';
import { EvidenceSettingsTab } from './evidence-settings-tab';
import { FixityTab } from './fixity-tab';
import { LateUploadsTab } from './late-uploads-tab';

/**
 * AV-6, RET-2, AV-4 and fixity at agency level: late uploads, the rehashing of stored originals, the disposal queue
 * with its preview, and the upload deadline and continuity threshold. Each tab asks only for what its user may read.
 */
export const EvidenceOversightPage = () => {
  const me = useCurrentUser();
  const access = evidenceOversightAccessOf(me);
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'), access);

  if (!access.canView || tab === null) return <ForbiddenResult subTitle="您的角色不能查看证据监督。" />;

  const content = (key: OversightTab) => {
    if (key === 'late') return <LateUploadsTab />;
    if (key === 'fixity') return <FixityTab />;
    if (key === 'disposal') return <DisposalRequestsTab access={access} />;
    if (key === 'preview') return <DisposalPreviewTab />;

    return <EvidenceSettingsTab canConfigure={access.canConfigure} />;
  };

  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          证据监督
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          本机关音像记录与证据原件的监督：逾期上传（S2 第十八条）、原件完整性核验、销毁审批与可销毁预览（S2 第十九条，S3
          附件2 第十七条），以及上传时限和连续性检查设置。每一项操作都写入留痕账本。
        </Typography.Paragraph>
      </Flex>
      <Tabs
        activeKey={tab}
        // Each tab is its own address: back and forward move between them, and a filter's link keeps its tab.
        onChange={(key) => setParams(new URLSearchParams({ tab: key }))}
        items={access.tabs.map((key) => ({ key, label: OVERSIGHT_TAB_LABELS[key], children: content(key) }))}
        destroyOnHidden
      />
    </Flex>
  );
};
