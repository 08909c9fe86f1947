import { useQueryClient } from '@tanstack/react-query';
import { CloudUploadOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { cancelEvidenceUpload, useCaseEvidence, useEvidenceCatalog, useUnfinishedUploads } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import { useProcedureCatalog } from '../../api/procedures';
import { queryKeys } from '../../api/query-keys';
import type { CaseDetail } from '../../api/types';
import { useCaseWorkspace } from '../../api/workspace';
import { useCurrentUser } from '../../app/current-user';
import { caseFindings, isUnexplainedGap } from '../../features/evidence/evidence-view';
import { isRetentionSectionShown, retentionAccess } from '../../features/evidence/retention-actions';
import { findDefinition, stageName } from '../../features/procedures/catalog-lookup';
import { EvidenceContinuity } from './evidence-continuity';
import { EvidenceDetailDrawer } from './evidence-detail-drawer';
import { DisposalRequestModal, EvidenceRetention } from './evidence-retention';
import { EvidenceTable } from './evidence-table';
import { EvidenceUploadDrawer } from './evidence-upload-drawer';
import { UploadTaskList } from './upload-task-list';
import type { UploadQueue } from './use-upload-queue';

type Props = { caseId: string; detail: CaseDetail; uploads: UploadQueue };

/** AV-1..AV-8: the case's audio-video records and other evidence files, their uploads, checks and playback. */
export const EvidenceCard = ({ caseId, detail, uploads: queue }: Props) => {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const canUpload = me.permissions.canUploadEvidence === true;
  const canDownload = me.permissions.canDownloadEvidence === true;
  const catalog = useEvidenceCatalog();
  const evidence = useCaseEvidence(caseId);
  const workspace = useCaseWorkspace(caseId, { isFresh: false });
  const procedures = useProcedureCatalog();
  const unfinished = useUnfinishedUploads(caseId, canUpload);
  const [isUploadOpen, setIsUploadOpen] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [disposingId, setDisposingId] = useState<string | null>(null);

  const title = (
    <Flex align="center" gap={8}>
      音像记录与证据
      {evidence.data ? <Tag style={{ marginInlineEnd: 0 }}>{evidence.data.items.length} 项</Tag> : null}
    </Flex>
  );

  const loadError = evidence.error ?? catalog.error;
  const retry = () => {
    void evidence.refetch();
    void catalog.refetch();
  };
  if (!evidence.data || !catalog.data) {
    return (
      <Card title={title} data-testid="evidence-card">
        {loadError ? (
          <Alert
            type="error"
            showIcon
            title={`无法加载证据：${errorMessageOf(loadError)}`}
            action={
              <Button size="small" onClick={retry}>
                重试
              </Button>
            }
          />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
    );
  }

  const definition = findDefinition(
    procedures.data,
    workspace.data?.procedure.id ?? detail.definitionId ?? '',
    detail.procedure,
  );
  const stageNameOf = (stageId: string) => (definition ? stageName(definition, stageId) : stageId);
  const records = workspace.data?.records ?? [];
  const recordNameOf = (recordId: string) => records.find((r) => r.id === recordId)?.name ?? null;
  const isTerminal = workspace.data?.stage.isTerminal === true;
  const unexplained = caseFindings(evidence.data.items).filter(isUnexplainedGap).length;
  const openItem = evidence.data.items.find((i) => i.id === openId) ?? null;
  const disposingItem = evidence.data.items.find((i) => i.id === disposingId) ?? null;
  const access = retentionAccess(evidence.data, me.permissions);
  const uploadButton = (
    <Button
      type="primary"
      icon={<CloudUploadOutlined aria-hidden />}
      disabled={!workspace.data || isTerminal}
      onClick={() => setIsUploadOpen(true)}
    >
      上传证据
    </Button>
  );

  return (
    <Card
      title={title}
      data-testid="evidence-card"
      id="evidence"
      extra={
        <Flex gap={12} align="center">
          <Tooltip title="证据原件按 SHA-256 只读保存，任何人不能删除、替换或修改；查看和下载均写入账本。">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <LockOutlined aria-hidden /> 原件只读，不可删除
            </Typography.Text>
          </Tooltip>
          {canUpload ? (
            isTerminal ? (
              <Tooltip title="案件已办结，不能再上传证据">
                <span style={{ display: 'inline-block' }}>{uploadButton}</span>
              </Tooltip>
            ) : (
              uploadButton
            )
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {loadError ? (
          <Alert
            type="warning"
            showIcon
            title={`证据列表未能刷新，显示的是此前加载的内容：${errorMessageOf(loadError)}`}
            action={
              <Button size="small" onClick={retry}>
                重试
              </Button>
            }
          />
        ) : null}
        {unexplained > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="unexplained-gaps"
            title={`音像记录有 ${unexplained} 处中断尚未说明原因`}
            description="请在下方「连续性检查」中逐一说明中断的客观原因；关联执法记录的音像中断未说明的，合规检查将阻止进入下一环节。"
          />
        ) : null}
        {canUpload ? (
          <UploadTaskList
            tasks={queue.tasks}
            unfinished={unfinished.data ?? []}
            kinds={catalog.data.kinds}
            onPause={queue.pause}
            onResume={queue.resume}
            onCancel={queue.cancel}
            onDismiss={queue.dismiss}
            onResumeUnfinished={(upload, file) => queue.send(upload, file)}
            onAbandon={async (upload) => {
              await cancelEvidenceUpload(upload.url);
              await queryClient.invalidateQueries({ queryKey: queryKeys.caseUploads(caseId) });
            }}
          />
        ) : null}
        <EvidenceContinuity
          caseId={caseId}
          evidence={evidence.data}
          reasons={catalog.data.interruptionReasons}
          canExplain={canUpload}
        />
        {evidence.data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={canUpload ? '尚未上传证据。执法记录仪的录像请在摄录后及时上传。' : '尚未上传证据'}
          />
        ) : (
          <EvidenceTable
            items={evidence.data.items}
            kinds={catalog.data.kinds}
            stageNameOf={stageNameOf}
            canDownload={canDownload && evidence.data.canDownload}
            onOpen={(item) => setOpenId(item.id)}
            access={access}
            onRequestDisposal={(item) => setDisposingId(item.id)}
          />
        )}
        {isRetentionSectionShown(evidence.data, access) ? (
          <EvidenceRetention
            caseId={caseId}
            evidence={evidence.data}
            facts={catalog.data.retentionFacts ?? []}
            access={access}
          />
        ) : null}
      </Flex>
      {canUpload && workspace.data ? (
        <EvidenceUploadDrawer
          isOpen={isUploadOpen}
          onClose={() => setIsUploadOpen(false)}
          onStarted={(started, file, kind) => queue.send({ ...started, kind }, file)}
          caseId={caseId}
          catalog={catalog.data}
          currentStage={workspace.data.stage.id}
          stages={workspace.data.visitedStages}
          stageNameOf={stageNameOf}
          records={workspace.data.records}
          defaultPlace={detail.place}
          partyName={detail.party.name}
        />
      ) : null}
      <EvidenceDetailDrawer
        item={openItem}
        catalog={catalog.data}
        canDownload={canDownload && evidence.data.canDownload}
        stageNameOf={stageNameOf}
        recordNameOf={recordNameOf}
        onClose={() => setOpenId(null)}
        access={access}
        onRequestDisposal={(item) => setDisposingId(item.id)}
      />
      {disposingItem ? (
        <DisposalRequestModal caseId={caseId} item={disposingItem} onClose={() => setDisposingId(null)} />
      ) : null}
    </Card>
  );
};
