import { CloseOutlined, FolderOpenOutlined, PauseOutlined, StopOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Progress, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { CatalogEntry, UnfinishedUpload } from '../../api/evidence';
import { errorMessageOf } from '../../api/http';
import { formatBytes, kindName } from '../../features/evidence/evidence-view';
import { resumeProblem } from '../../features/evidence/resume-match';
import { percentOf } from '../../features/evidence/upload-progress';
import { STATUS_LABELS, taskDetailText, type UploadTask } from '../../features/evidence/upload-task';
import { formatChinaDateTime } from '../../features/time/china-time';

const STATUS_COLORS: Record<UploadTask['status'], string> = {
  uploading: 'processing',
  finishing: 'processing',
  paused: 'warning',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

const PROGRESS_STATUS: Record<UploadTask['status'], 'active' | 'normal' | 'success' | 'exception'> = {
  uploading: 'active',
  finishing: 'active',
  paused: 'normal',
  done: 'success',
  failed: 'exception',
  cancelled: 'normal',
};

const rowStyle = { padding: '10px 12px', border: '1px solid #eef0f4', borderRadius: 8 } as const;

type TaskProps = {
  task: UploadTask;
  kinds: readonly CatalogEntry[] | undefined;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => Promise<void>;
  onDismiss: () => void;
};

const TaskRow = ({ task, kinds, onPause, onResume, onCancel, onDismiss }: TaskProps) => {
  const isOver =
    task.status === 'done' || task.status === 'cancelled' || (task.status === 'failed' && !task.failure?.canRetry);

  return (
    <div data-testid="upload-task" data-id={task.id} data-status={task.status} data-sent={task.sent} style={rowStyle}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center" style={{ minWidth: 0 }} wrap>
          <Tag color={STATUS_COLORS[task.status]} style={{ marginInlineEnd: 0 }}>
            {STATUS_LABELS[task.status]}
          </Tag>
          <Typography.Text strong ellipsis style={{ maxWidth: 420 }}>
            {task.filename}
          </Typography.Text>
          <Typography.Text type="secondary">{kindName(kinds, task.kind)}</Typography.Text>
          {task.resumedFrom > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              从 {formatBytes(task.resumedFrom)} 处续传
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8}>
          {task.status === 'uploading' ? (
            <Button size="small" icon={<PauseOutlined aria-hidden />} onClick={onPause}>
              暂停
            </Button>
          ) : null}
          {task.status === 'paused' || (task.status === 'failed' && task.failure?.canRetry) ? (
            <Button size="small" type="primary" icon={<CaretRightOutlined aria-hidden />} onClick={onResume}>
              继续
            </Button>
          ) : null}
          {task.status === 'uploading' ||
          task.status === 'paused' ||
          (task.status === 'failed' && task.failure?.canRetry) ? (
            <Popconfirm
              title="取消这个上传？"
              description="服务器上已收到的部分将被丢弃，需重新上传整个文件。"
              okText="取消上传"
              cancelText="不取消"
              onConfirm={onCancel}
            >
              <Button size="small" danger icon={<StopOutlined aria-hidden />}>
                取消上传
              </Button>
            </Popconfirm>
          ) : null}
          {isOver ? (
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined aria-hidden />}
              aria-label="从列表中移去"
              onClick={onDismiss}
            />
          ) : null}
        </Flex>
      </Flex>
      <Progress
        percent={task.status === 'done' ? 100 : percentOf(task.sent, task.size)}
        status={PROGRESS_STATUS[task.status]}
        size="small"
        style={{ margin: '6px 0 0' }}
      />
      <Typography.Text
        type={task.status === 'failed' ? 'danger' : 'secondary'}
        style={{ fontSize: 12 }}
        data-testid="upload-task-detail"
      >
        {taskDetailText(task)}
      </Typography.Text>
    </div>
  );
};

type UnfinishedProps = {
  upload: UnfinishedUpload;
  kinds: readonly CatalogEntry[] | undefined;
  onFile: (file: File) => void;
  onAbandon: () => Promise<void>;
};

/** AV-7: an upload left unfinished (the page was reloaded or closed): the officer picks the same file to go on. */
const UnfinishedRow = ({ upload, kinds, onFile, onAbandon }: UnfinishedProps) => {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <div
      data-testid="unfinished-upload"
      data-id={upload.id}
      data-offset={upload.offset}
      style={{ ...rowStyle, background: '#fffbf0' }}
    >
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
          <Tag color="warning" style={{ marginInlineEnd: 0 }}>
            未完成
          </Tag>
          <Typography.Text strong ellipsis style={{ maxWidth: 420 }}>
            {upload.filename}
          </Typography.Text>
          <Typography.Text type="secondary">{kindName(kinds, upload.kind)}</Typography.Text>
        </Flex>
        <Flex gap={8}>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={`选择「${upload.filename}」继续上传`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              const mismatch = resumeProblem(file, upload);
              setProblem(mismatch);
              if (!mismatch) onFile(file);
            }}
          />
          <Button
            size="small"
            type="primary"
            icon={<FolderOpenOutlined aria-hidden />}
            onClick={() => input.current?.click()}
          >
            选择同一文件继续上传
          </Button>
          <Popconfirm
            title="放弃这个上传？"
            description="服务器上已收到的部分将被丢弃。"
            okText="放弃"
            cancelText="保留"
            onConfirm={() =>
              onAbandon().catch((error: unknown) => {
                void message.error(errorMessageOf(error));
              })
            }
          >
            <Button size="small" danger>
              放弃
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      <Progress
        percent={percentOf(upload.offset, upload.size)}
        size="small"
        status="normal"
        style={{ margin: '6px 0 0' }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        服务器已收到 {formatBytes(upload.offset)} / {formatBytes(upload.size)}，保留至{' '}
        {formatChinaDateTime(upload.expiresAt)}；浏览器不保存文件本身，请重新选择同一文件，将从断点继续。
      </Typography.Text>
      {problem ? (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={problem} data-testid="resume-problem" />
      ) : null}
    </div>
  );
};

type Props = {
  tasks: readonly UploadTask[];
  unfinished: readonly UnfinishedUpload[];
  kinds: readonly CatalogEntry[] | undefined;
  onPause: (id: string) => void;
  onResume: (id: string) => void;
  onCancel: (id: string) => Promise<void>;
  onDismiss: (id: string) => void;
  onResumeUnfinished: (upload: UnfinishedUpload, file: File) => void;
  onAbandon: (upload: UnfinishedUpload) => Promise<void>;
};

/** The uploads of this page and the unfinished ones of earlier visits, with progress and what can be done. */
export const UploadTaskList = ({
  tasks,
  unfinished,
  kinds,
  onPause,
  onResume,
  onCancel,
  onDismiss,
  onResumeUnfinished,
  onAbandon,
}: Props) => {
  const shownIds = new Set(tasks.map((t) => t.id));
  const earlier = unfinished.filter((u) => !shownIds.has(u.id));
  if (tasks.length === 0 && earlier.length === 0) return null;

  return (
    <Flex vertical gap={8} data-testid="upload-tasks">
      <Typography.Text strong>上传任务</Typography.Text>
      {tasks.map((task) => (
        <TaskRow
          key={task.id}
          task={task}
          kinds={kinds}
          onPause={() => onPause(task.id)}
          onResume={() => onResume(task.id)}
          onCancel={() => onCancel(task.id)}
          onDismiss={() => onDismiss(task.id)}
        />
      ))}
      {earlier.map((upload) => (
        <UnfinishedRow
          key={upload.id}
          upload={upload}
          kinds={kinds}
          onFile={(file) => onResumeUnfinished(upload, file)}
          onAbandon={() => onAbandon(upload)}
        />
      ))}
    </Flex>
  );
};
