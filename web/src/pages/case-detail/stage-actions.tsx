import { Alert, App, Button, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/http';
import { useChangeStage } from '../../api/workspace';
import type { RuleFinding, WorkspaceTransition } from '../../api/workspace-types';
import { Citations } from '../../components/citations';
import { blockedFindingsOf } from '../../features/compliance/findings';
import { FindingRow } from './finding-row';

type Props = {
  caseId: string;
  transitions: readonly WorkspaceTransition[];
  currentStageName: string;
  isTerminal: boolean;
  canAdvance: boolean;
  /** The blocking rules now open, which is why a blocked transition is disabled. */
  blocking: readonly RuleFinding[];
  stageNameOf: (stageId: string) => string;
};

type Refusal = { transition: WorkspaceTransition; message: string; findings: RuleFinding[] };

const blockedReason = (blocking: readonly RuleFinding[]): string =>
  blocking.length
    ? `尚有必须完成的事项：${blocking.map((f) => f.name).join('；')}。请按「合规检查」补齐后再办理。`
    : '尚有必须完成的事项，请按「合规检查」补齐后再办理。';

/** PROC-1: the stage changes the procedure allows from here, each refused while a blocking rule is open. */
export const StageActions = ({
  caseId,
  transitions,
  currentStageName,
  isTerminal,
  canAdvance,
  blocking,
  stageNameOf,
}: Props) => {
  const { message } = App.useApp();
  const changeStage = useChangeStage(caseId);
  const [confirming, setConfirming] = useState<WorkspaceTransition | null>(null);
  const [note, setNote] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  if (isTerminal) {
    return <Typography.Text type="secondary">案件已{currentStageName}，办理结束。</Typography.Text>;
  }
  if (transitions.length === 0) return <Typography.Text type="secondary">本环节没有可办理的后续环节。</Typography.Text>;

  const open = (transition: WorkspaceTransition) => {
    setNote('');
    setConfirmError(null);
    setConfirming(transition);
  };

  const submit = () => {
    if (!confirming) return;
    const transition = confirming;
    changeStage.mutate(
      { to: transition.to, note: note.trim() || null },
      {
        onSuccess: () => {
          setConfirming(null);
          void message.success(`案件已进入「${stageNameOf(transition.to)}」环节`);
        },
        onError: (error) => {
          const findings = blockedFindingsOf(error);
          if (findings) {
            setConfirming(null);
            setRefusal({ transition, message: errorMessageOf(error), findings });
          } else {
            setConfirmError(errorMessageOf(error));
          }
        },
      },
    );
  };

  const isAnyBlocked = transitions.some((t) => t.isBlocked);

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">办理：</Typography.Text>
        {transitions.map((transition, index) => {
          const isDisabled = !canAdvance || transition.isBlocked;
          const button = (
            <Button
              // The procedure lists the main path first; side exits (不予立案) stay plain.
              type={index === 0 ? 'primary' : 'default'}
              disabled={isDisabled}
              onClick={() => open(transition)}
              data-testid={`transition-${transition.to}`}
            >
              {transition.name}
            </Button>
          );
          const tip = !canAdvance ? '您的角色不能推进案件环节' : transition.isBlocked ? blockedReason(blocking) : null;

          return tip ? (
            <Tooltip key={transition.to} title={tip}>
              {/* A disabled button swallows pointer events; the wrapper keeps the reason reachable. */}
              <span style={{ display: 'inline-block' }}>{button}</span>
            </Tooltip>
          ) : (
            <span key={transition.to}>{button}</span>
          );
        })}
      </Flex>
      {canAdvance && isAnyBlocked ? (
        <Alert
          type="warning"
          showIcon
          data-testid="transition-blocked-reason"
          title="以下必须事项完成前，不能进入下一环节"
          description={
            blocking.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {blocking.map((finding) => (
                  <li key={finding.ruleId}>
                    {finding.name}
                    {[...finding.broken, ...finding.missing].length ? (
                      <Typography.Text type="secondary">
                        ：{[...finding.broken, ...finding.missing].map((i) => i.message).join('；')}
                      </Typography.Text>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              '详见下方「合规检查」。'
            )
          }
        />
      ) : null}
      <Modal
        title={confirming?.name}
        open={confirming !== null}
        okText="确认"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setConfirming(null)}
        confirmLoading={changeStage.isPending}
        destroyOnHidden
      >
        {confirming ? (
          <Flex vertical gap={12}>
            <Typography.Text>
              案件将从「{currentStageName}」进入「{stageNameOf(confirming.to)}」环节。环节变更写入账本，不能撤回。
            </Typography.Text>
            <Citations citations={confirming.citations} />
            {confirmError ? <Alert type="error" showIcon title={confirmError} /> : null}
            <Form layout="vertical">
              <Form.Item label="备注" htmlFor="stage-change-note" style={{ marginBottom: 0 }}>
                <Input.TextArea
                  id="stage-change-note"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={500}
                  showCount
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  placeholder="选填"
                />
              </Form.Item>
            </Form>
          </Flex>
        ) : null}
      </Modal>
      <Modal
        title={refusal ? `不能${refusal.transition.name}` : ''}
        open={refusal !== null}
        onCancel={() => setRefusal(null)}
        footer={<Button onClick={() => setRefusal(null)}>知道了</Button>}
        width={720}
        destroyOnHidden
      >
        {refusal ? (
          <div data-testid="transition-refusal">
            <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 8 }} />
            {refusal.findings.map((finding) => (
              <FindingRow
                key={finding.ruleId}
                finding={finding}
                stageNameOf={stageNameOf}
                testId={`blocked-rule-${finding.ruleId}`}
              />
            ))}
          </div>
        ) : null}
      </Modal>
    </Flex>
  );
};
