import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
  type FormRule,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCase } from '../../api/cases';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { useProcedureCatalog } from '../../api/procedures';
import type { CaseSourceDefinition, ProcedureCatalog } from '../../api/procedure-types';
import type { PartyKind, ProcedureType } from '../../api/types';
import {
  CASE_SOURCES_BY_PROCEDURE,
  CASE_SOURCE_LABELS,
  CASE_TEXT_LIMITS,
  PARTY_KIND_LABELS,
  procedureWording,
} from '../../features/cases/case-labels';
import {
  creditCodeError,
  isCompleteIdentifier,
  newCaseFieldPaths,
  phoneError,
  residentIdError,
  sourceAfterProcedureChange,
  toNewCaseRequest,
  type NewCaseFormValues,
} from '../../features/cases/new-case-form';
import { splitFieldErrors } from '../../features/forms/field-errors';
import { findDefinition } from '../../features/procedures/catalog-lookup';
import { PROCEDURE_TYPES, PROCEDURE_TYPE_LABELS, citationsText } from '../../features/procedures/procedure-labels';
import { DATE_FORMAT, todayIso } from '../../features/time/date-format';

const PROCEDURE_OPTIONS = PROCEDURE_TYPES.map((value) => ({ value, label: PROCEDURE_TYPE_LABELS[value] }));

/** The procedure's sources from the catalog; until it loads (or if it fails), the same list shipped with the web. */
const sourcesOf = (catalog: ProcedureCatalog | undefined, procedure: ProcedureType): CaseSourceDefinition[] =>
  findDefinition(catalog, undefined, procedure)?.sources ??
  CASE_SOURCES_BY_PROCEDURE[procedure].map((id) => ({ id, name: CASE_SOURCE_LABELS[id] ?? id, citations: [] }));
const PARTY_KIND_OPTIONS = (['person', 'organization'] as const).map((value) => ({
  value,
  label: PARTY_KIND_LABELS[value],
}));

const SOURCE_DETAIL_HINTS: Record<string, string> = {
  complaint: '如：举报人、举报方式、举报登记号（选填）',
  inspection: '如：检查任务名称或检查记录编号（选填）',
  transfer: '如：某某市市场监督管理局 某市监移〔2025〕12号',
  own_initiative: '如：发现线索的途径（选填）',
};

type Check = (value: string) => string | null;

/** Wraps a pure check as an antd rule; empty values are left to the required rule. */
const checkRule = (
  check: Check,
  trigger: 'onBlur' | 'onChange',
  isReady: (value: string) => boolean = () => true,
): FormRule => ({
  validateTrigger: trigger,
  validator: async (_, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '' || !isReady(value)) return;
    const problem = check(value);
    if (problem) throw new Error(problem);
  },
});

/** Full check on blur and submit; while typing, only once all 18 characters are in. */
const identifierRules = (requiredMessage: string, check: Check): FormRule[] => [
  { required: true, whitespace: true, message: requiredMessage },
  checkRule(check, 'onBlur'),
  checkRule(check, 'onChange', isCompleteIdentifier),
];

const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);

type FormAlert = { title: string; details: string[] };

export const NewCasePage = () => {
  const [form] = Form.useForm<NewCaseFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const createCase = useCreateCase();
  const [formAlert, setFormAlert] = useState<FormAlert | null>(null);
  const { data: catalog } = useProcedureCatalog();
  const procedure: ProcedureType = Form.useWatch('procedure', form) ?? 'penalty';
  const source = Form.useWatch('source', form);
  const kind: PartyKind = Form.useWatch(['party', 'kind'], form) ?? 'person';
  const isPerson = kind === 'person';
  const isTransfer = source === 'transfer';
  const sources = sourcesOf(catalog, procedure);
  const chosenSource = sources.find((s) => s.id === source);
  const wording = procedureWording(procedure);

  const onValuesChange = (changed: Partial<NewCaseFormValues>) => {
    if (formAlert) setFormAlert(null);
    if (changed.procedure) {
      form.setFieldValue('source', sourceAfterProcedureChange(source, sourcesOf(catalog, changed.procedure)));
    }
  };

  const onFinish = (values: NewCaseFormValues) => {
    setFormAlert(null);
    createCase.mutate(toNewCaseRequest(values), {
      onSuccess: (created) => {
        void message.success(`案件登记成功，案件编号：${created.number}`);
        void navigate(`/cases/${encodeURIComponent(created.id)}`);
      },
      onError: (error) => {
        const { formErrors, otherMessages } = splitFieldErrors(fieldErrorsOf(error), newCaseFieldPaths(kind));
        // Safe: splitFieldErrors keeps only paths from newCaseFieldPaths, all of which are inputs of this form.
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        const first = formErrors[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
        setFormAlert({ title: errorMessageOf(error), details: otherMessages });
      },
    });
  };

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>登记案件</h1>} style={{ maxWidth: 960 }}>
      {formAlert ? (
        <Alert
          type="error"
          showIcon
          title={formAlert.title}
          description={formAlert.details.length ? formAlert.details.join('；') : undefined}
          style={{ marginBottom: 16 }}
          data-testid="new-case-error"
        />
      ) : null}
      <Form<NewCaseFormValues>
        form={form}
        name="new-case"
        layout="vertical"
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ procedure: 'penalty', discoveredOn: dayjs(), party: { kind: 'person' } }}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        disabled={createCase.isPending}
      >
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          案件信息
        </Typography.Title>
        <Form.Item
          label="执法程序"
          name="procedure"
          rules={[{ required: true, message: '请选择执法程序' }]}
          extra="案件按所选程序的环节办理，登记后不能更改"
        >
          <Select options={PROCEDURE_OPTIONS} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item
          label="案件来源"
          name="source"
          rules={[{ required: true, message: '请选择案件来源' }]}
          extra={chosenSource?.citations.length ? `依据：${citationsText(chosenSource.citations)}` : undefined}
        >
          <Radio.Group options={sources.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item
          label={isTransfer ? '移送/交办机关及文号' : '来源说明'}
          name="sourceDetail"
          dependencies={['source']}
          rules={[
            {
              required: isTransfer,
              whitespace: true,
              message: '移送交办的案件须填写移送/交办机关及文号',
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={CASE_TEXT_LIMITS.sourceDetail}
            showCount
            placeholder={SOURCE_DETAIL_HINTS[source ?? ''] ?? '选填'}
          />
        </Form.Item>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              label={wording.discoveredOn}
              name="discoveredOn"
              rules={[
                { required: true, message: `请选择${wording.discoveredOn}` },
                {
                  validator: async (_, value: Dayjs | null | undefined) => {
                    if (value && value.format(DATE_FORMAT) > todayIso()) {
                      throw new Error(`${wording.discoveredOn}不能晚于今天`);
                    }
                  },
                },
              ]}
            >
              <DatePicker
                format={DATE_FORMAT}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="地点" name="place" rules={[{ required: true, whitespace: true, message: '请输入地点' }]}>
              <Input maxLength={CASE_TEXT_LIMITS.place} placeholder={wording.placeHint} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="案情摘要"
          name="summary"
          rules={[{ required: true, whitespace: true, message: '请输入案情摘要' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={CASE_TEXT_LIMITS.summary}
            showCount
            placeholder={wording.summaryHint}
          />
        </Form.Item>

        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
          {wording.party}
        </Typography.Title>
        <Form.Item label={`${wording.party}类型`} name={['party', 'kind']} rules={[{ required: true }]}>
          <Radio.Group options={PARTY_KIND_OPTIONS} />
        </Form.Item>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              label={isPerson ? '姓名' : '名称'}
              name={['party', 'name']}
              rules={[{ required: true, whitespace: true, message: isPerson ? '请输入姓名' : '请输入名称' }]}
            >
              <Input maxLength={CASE_TEXT_LIMITS.name} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {isPerson ? (
              <Form.Item
                key="idNumber"
                label="身份证号码"
                name={['party', 'idNumber']}
                normalize={upper}
                validateTrigger={['onChange', 'onBlur']}
                validateFirst
                hasFeedback
                rules={identifierRules('请输入身份证号码', (v) => residentIdError(v, todayIso()))}
              >
                <Input maxLength={18} autoComplete="off" className="mono" placeholder="18位公民身份号码" />
              </Form.Item>
            ) : (
              <Form.Item
                key="creditCode"
                label="统一社会信用代码"
                name={['party', 'creditCode']}
                normalize={upper}
                validateTrigger={['onChange', 'onBlur']}
                validateFirst
                hasFeedback
                rules={identifierRules('请输入统一社会信用代码', creditCodeError)}
              >
                <Input maxLength={18} autoComplete="off" className="mono" placeholder="18位统一社会信用代码" />
              </Form.Item>
            )}
          </Col>
          {isPerson ? null : (
            <Col xs={24} md={12}>
              <Form.Item
                label="法定代表人"
                name={['party', 'legalRepresentative']}
                rules={[{ required: true, whitespace: true, message: '请输入法定代表人' }]}
              >
                <Input maxLength={CASE_TEXT_LIMITS.name} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              label="联系电话"
              name={['party', 'phone']}
              validateTrigger={['onChange', 'onBlur']}
              rules={[checkRule(phoneError, 'onBlur')]}
            >
              <Input maxLength={30} autoComplete="off" placeholder="选填，手机或固定电话" />
            </Form.Item>
          </Col>
          <Col xs={24} md={isPerson ? 24 : 12}>
            <Form.Item label={isPerson ? '住址' : '地址'} name={['party', 'address']}>
              <Input maxLength={CASE_TEXT_LIMITS.address} placeholder="选填" />
            </Form.Item>
          </Col>
        </Row>

        <Flex gap={12}>
          <Button type="primary" htmlType="submit" loading={createCase.isPending}>
            提交登记
          </Button>
          <Button onClick={() => void navigate('/cases')}>取消</Button>
        </Flex>
      </Form>
    </Card>
  );
};
