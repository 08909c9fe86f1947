import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Spin,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useDevices } from '../../api/devices';
import { startEvidenceUpload, type EvidenceCatalog, type StartedUpload } from '../../api/evidence';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { useOfficers } from '../../api/procedures';
import type { CaseRecord } from '../../api/workspace-types';
import { useCurrentUser } from '../../app/current-user';
import { Citations } from '../../components/citations';
import { holderText } from '../../features/devices/device-view';
import { formatBytes, isAvKind } from '../../features/evidence/evidence-view';
import {
  defaultDeviceId,
  fileProblem,
  guessKind,
  hasFocusItems,
  isOwnAv,
  newUploadFormValues,
  splitUploadErrors,
  timesAfter,
  toStartUploadRequest,
  type EvidenceUploadValues,
  type FileTimesValue,
  type SelectedFile,
} from '../../features/evidence/upload-form';
import { chinaNow, formatChinaDateTime } from '../../features/time/china-time';

const FORM_ID = 'evidence-upload-form';

export type UploadContext = {
  caseId: string;
  catalog: EvidenceCatalog;
  currentStage: string;
  /** The stages the case has reached, the only ones a file can be filed to. */
  stages: readonly string[];
  stageNameOf: (stageId: string) => string;
  records: readonly CaseRecord[];
  defaultPlace: string | null;
  partyName: string | null;
};

type Props = UploadContext & {
  isOpen: boolean;
  onClose: () => void;
  onStarted: (started: StartedUpload, file: File, kind: string) => void;
};

type FormAlert = { title: string; details: string[] };

// Enter confirms a typed date; only the button starts the upload.
const preventImplicitSubmit = (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
};

const Section = ({ title }: { title: string }) => (
  <Divider titlePlacement="start" style={{ marginBlock: '4px 12px' }}>
    <Typography.Text strong>{title}</Typography.Text>
  </Divider>
);

const notInFuture = async (_: unknown, value: Dayjs | null | undefined) => {
  if (value && value.isAfter(chinaNow().add(5, 'minute'))) throw new Error('摄录时间不能晚于现在');
};

const FileRow = ({
  selected,
  problem,
  isAv,
  onRemove,
}: {
  selected: SelectedFile<File>;
  problem: string | null;
  isAv: boolean;
  onRemove: () => void;
}) => {
  const form = Form.useFormInstance<EvidenceUploadValues>();

  return (
    <div
      data-testid="upload-file-row"
      data-name={selected.file.name}
      style={{ padding: '8px 12px 0', border: '1px solid #eef0f4', borderRadius: 8 }}
    >
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong ellipsis style={{ maxWidth: 600 }}>
          {selected.file.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {' '}
            · {formatBytes(selected.file.size)}
          </Typography.Text>
        </Typography.Text>
        <Button size="small" type="link" onClick={onRemove}>
          不上传此文件
        </Button>
      </Flex>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} /> : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            label={isAv ? '摄录开始时间' : '拍摄或形成时间'}
            name={['files', selected.key, 'startedAt']}
            rules={[
              { required: true, message: '请填写开始时间（以设备屏幕或文件显示为准）' },
              { validator: notInFuture },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm:ss' }}
              format="YYYY-MM-DD HH:mm:ss"
              disabledDate={(d) => d.isAfter(chinaNow(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={isAv ? '摄录结束时间' : '结束时间（选填）'}
            name={['files', selected.key, 'endedAt']}
            dependencies={[['files', selected.key, 'startedAt']]}
            rules={[
              { validator: notInFuture },
              {
                validator: async (_, value: Dayjs | null | undefined) => {
                  const start = form.getFieldValue(['files', selected.key, 'startedAt']) as Dayjs | null | undefined;
                  if (value && start && value.isBefore(start)) throw new Error('结束时间不能早于开始时间');
                },
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm:ss' }}
              format="YYYY-MM-DD HH:mm:ss"
              disabledDate={(d) => d.isAfter(chinaNow(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
};

const UploadForm = ({
  caseId,
  catalog,
  currentStage,
  stages,
  stageNameOf,
  records,
  defaultPlace,
  partyName,
  onStarted,
  onAllStarted,
  onPendingChange,
}: UploadContext & {
  onStarted: Props['onStarted'];
  onAllStarted: (count: number) => void;
  onPendingChange: (isPending: boolean) => void;
}) => {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceUploadValues>();
  const officers = useOfficers();
  const myDevices = useDevices('me');
  const allDevices = useDevices('all');
  const [selected, setSelected] = useState<SelectedFile<File>[]>([]);
  const [formAlert, setFormAlert] = useState<FormAlert | null>(null);
  const [isSending, setIsSending] = useState(false);
  const nextKey = useRef(0);
  const lastKey = useRef<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const providedBy = Form.useWatch('providedBy', form);
  const stage = Form.useWatch('stage', form);
  const isKindTouched = useRef(false);

  if (officers.isPending || myDevices.isPending || allDevices.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description="正在加载执法人员和记录设备…" />
      </Flex>
    );
  }
  const officerList = officers.data ?? [];
  const devices = (allDevices.data?.devices ?? []).filter((d) => d.state !== 'retired');
  const initialValues = newUploadFormValues({
    stage: currentStage,
    place: defaultPlace,
    partyName,
    officerIds: officerList.some((o) => o.id === me.id) ? [me.id] : [],
    deviceId: defaultDeviceId(myDevices.data?.devices ?? [], me.id),
  });
  const shownKind = kind ?? initialValues.kind;
  const shownProvider = providedBy ?? initialValues.providedBy;
  const isAgency = shownProvider === 'agency';
  const ownAv = isOwnAv(shownKind, shownProvider);
  const stageRecords = records.filter((r) => r.stage === (stage ?? currentStage));
  const problems = new Map(selected.map((s) => [s.key, fileProblem(s.file, catalog.maxUploadBytes)]));

  const addFile = (file: File) => {
    nextKey.current += 1;
    const key = `f${nextKey.current}`;
    const previous = lastKey.current
      ? (form.getFieldValue(['files', lastKey.current]) as FileTimesValue | undefined)
      : undefined;
    lastKey.current = key;
    form.setFieldValue(['files', key], timesAfter(previous));
    const guessed = guessKind(file.type);
    if (!isKindTouched.current && guessed) form.setFieldValue('kind', guessed);
    setSelected((list) => [...list, { key, file }]);
    setFormAlert(null);
  };

  const removeFile = (key: string) => {
    setSelected((list) => list.filter((s) => s.key !== key));
    if (lastKey.current === key) lastKey.current = null;
  };

  const onFinish = async () => {
    if (selected.length === 0) {
      setFormAlert({ title: '请选择要上传的文件', details: [] });

      return;
    }
    const blocked = selected.filter((s) => problems.get(s.key));
    if (blocked.length > 0) {
      setFormAlert({
        title: '以下文件不能上传，请移出后再试',
        details: blocked.map((s) => `「${s.file.name}」：${problems.get(s.key)}`),
      });

      return;
    }
    const values = form.getFieldsValue(true) as EvidenceUploadValues;
    setFormAlert(null);
    setIsSending(true);
    onPendingChange(true);
    let started = 0;
    // One file after another: a refusal of the shared metadata stops the rest before any of them is sent.
    for (const file of selected) {
      const body = toStartUploadRequest(values, file);
      try {
        const answer = await startEvidenceUpload(caseId, body);
        onStarted(answer, file.file, body.kind);
        started += 1;
        setSelected((list) => list.filter((s) => s.key !== file.key));
      } catch (error) {
        const { formErrors, otherMessages } = splitUploadErrors(fieldErrorsOf(error), file);
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        const first = formErrors[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
        setFormAlert({
          title: `「${file.file.name}」未能开始上传：${errorMessageOf(error)}`,
          details: [
            ...otherMessages,
            ...(started > 0 ? [`已开始上传的 ${started} 个文件不受影响，可在证据页面查看进度。`] : []),
          ],
        });
        setIsSending(false);
        onPendingChange(false);

        return;
      }
    }
    setIsSending(false);
    onPendingChange(false);
    void message.success(`已开始上传 ${started} 个文件，可在「音像记录与证据」中查看进度`);
    onAllStarted(started);
  };

  const kindEntry = catalog.kinds.find((k) => k.id === shownKind);

  return (
    <>
      {formAlert ? (
        <Alert
          type="error"
          showIcon
          data-testid="upload-form-error"
          title={formAlert.title}
          description={
            formAlert.details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {formAlert.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<EvidenceUploadValues>
        id={FORM_ID}
        form={form}
        layout="vertical"
        name="evidence-upload"
        initialValues={initialValues}
        onFinish={() => void onFinish()}
        scrollToFirstError={{ block: 'center' }}
        onKeyDown={preventImplicitSubmit}
        onValuesChange={(changed: EvidenceUploadValues) => {
          if ('kind' in changed) isKindTouched.current = true;
          if ('stage' in changed) form.setFieldValue('recordId', null);
          if (formAlert) setFormAlert(null);
        }}
        disabled={isSending}
      >
        <Section title="证据类型与来源" />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="证据类型"
              name="kind"
              rules={[{ required: true, message: '请选择证据类型' }]}
              extra={<Citations citations={kindEntry?.citations} />}
            >
              <Select options={catalog.kinds.map((k) => ({ value: k.id, label: k.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="提供方" name="providedBy" rules={[{ required: true, message: '请选择提供方' }]}>
              <Radio.Group options={catalog.providers.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        </Row>
        {!isAgency ? (
          <Form.Item
            label="提供人"
            name="providerName"
            rules={[{ required: true, whitespace: true, message: '请填写提供文件的当事人或现场人员姓名' }]}
            extra="当事人或现场其他人员摄录的文件，须注明提供人（AV-8）。"
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        ) : null}

        <Section title="执法环节" />
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label="执法环节" name="stage" rules={[{ required: true, message: '请选择执法环节' }]}>
              <Select options={stages.map((s) => ({ value: s, label: stageNameOf(s) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              label="关联记录"
              name="recordId"
              extra="同一记录下的多段音像按时间连续性检查；未关联的，按环节和设备归组。"
            >
              <Select
                allowClear
                placeholder={stageRecords.length ? '选择本文件记录的执法活动（选填）' : '本环节尚无记录'}
                options={stageRecords.map((r) => ({
                  value: r.id,
                  label: `${r.name} · ${formatChinaDateTime(r.recordedAt)}${r.place ? ` · ${r.place}` : ''}`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Section title="摄录信息" />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="摄录地点"
              name="place"
              rules={[{ required: ownAv, whitespace: true, message: '请填写摄录地点' }]}
            >
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="纬度（选填）"
              name="latitude"
              dependencies={['longitude']}
              rules={[
                {
                  validator: async (_, value: number | null | undefined) => {
                    const other = form.getFieldValue('longitude') as number | null | undefined;
                    if ((value ?? null) === null && (other ?? null) !== null) throw new Error('请同时填写经纬度');
                  },
                },
              ]}
            >
              <InputNumber min={-90} max={90} step={0.000001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="经度（选填）"
              name="longitude"
              dependencies={['latitude']}
              rules={[
                {
                  validator: async (_, value: number | null | undefined) => {
                    const other = form.getFieldValue('latitude') as number | null | undefined;
                    if ((value ?? null) === null && (other ?? null) !== null) throw new Error('请同时填写经纬度');
                  },
                },
              ]}
            >
              <InputNumber min={-180} max={180} step={0.000001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="执法人员"
              name="officerIds"
              extra={isAgency ? undefined : '接收或调取该文件的执法人员（选填）'}
              rules={[
                { required: isAgency, type: 'array', min: isAgency ? 1 : 0, message: '请选择摄录时在场的执法人员' },
                { type: 'array', max: 20, message: '最多 20 人' },
              ]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                placeholder="选择执法人员"
                options={officerList.map((o) => ({
                  value: o.id,
                  label: `${o.displayName}（${o.credentials.find((c) => c.isValid)?.number ?? '无有效执法证'}）`,
                }))}
              />
            </Form.Item>
          </Col>
          {isAgency ? (
            <Col xs={24} md={12}>
              <Form.Item
                label="记录设备"
                name="deviceId"
                rules={[{ required: ownAv, message: '执法人员摄录的音像资料须选择记录设备' }]}
                extra={
                  allDevices.error
                    ? `无法加载设备台账：${errorMessageOf(allDevices.error)}`
                    : devices.length === 0
                      ? '本机关尚未登记记录设备，请联系设备管理员。'
                      : '默认为发放给您的设备。'
                }
              >
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder="选择执法记录仪等设备"
                  options={devices.map((d) => ({
                    value: d.id,
                    label: `${d.name}（${d.serialNumber}）${d.holder ? ` · ${holderText(d.holder)}` : ` · ${d.stateName}`}`,
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item label="当事人" name="partyName">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        {hasFocusItems(shownKind) ? (
          <Form.Item
            label="摄录重点事项"
            name="focusItems"
            extra="勾选本文件记录到的重点事项（S2 第十二条、S1 第十九条）。"
          >
            <Checkbox.Group>
              <Row gutter={[8, 4]}>
                {catalog.focusItems.map((f) => (
                  <Col key={f.id} xs={24} md={12}>
                    <Checkbox value={f.id}>{f.name}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>

        <Section title="文件" />
        <Upload.Dragger
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            addFile(file);

            return Upload.LIST_IGNORE;
          }}
          style={{ marginBottom: 12 }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">点击选择或拖入文件，可一次选择多个</p>
          <p className="ant-upload-hint">
            单个文件不超过 {formatBytes(catalog.maxUploadBytes)}；大文件可断点续传，原件按 SHA-256 只读保存。
          </p>
        </Upload.Dragger>
        <Flex vertical gap={8} style={{ marginBottom: 8 }}>
          {selected.map((s) => (
            <FileRow
              key={s.key}
              selected={s}
              problem={problems.get(s.key) ?? null}
              isAv={isAvKind(shownKind)}
              onRemove={() => removeFile(s.key)}
            />
          ))}
        </Flex>
        {selected.length > 1 && isAvKind(shownKind) ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            多段录像请分别填写各段的开始、结束时间：系统将按文件自身记载的时间检查各段之间是否中断。
          </Typography.Text>
        ) : null}
      </Form>
    </>
  );
};

/** AV-3, AV-7, AV-8: states what the files are, then sends each by resumable upload. */
export const EvidenceUploadDrawer = ({ isOpen, onClose, onStarted, ...context }: Props) => {
  const [isPending, setIsPending] = useState(false);

  return (
    <Drawer
      title="上传证据"
      open={isOpen}
      onClose={onClose}
      size="min(980px, 100vw)"
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={isPending}>
            开始上传
          </Button>
        </Flex>
      }
    >
      <UploadForm {...context} onStarted={onStarted} onAllStarted={onClose} onPendingChange={setIsPending} />
    </Drawer>
  );
};
