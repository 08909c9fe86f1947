import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessageOf, fieldErrorsOf } from '../../api/http';
import { useAddMajorCatalogEntry, type MajorCatalogEntryInput } from '../../api/legal-review';
import type { LegalReviewCatalog } from '../../api/procedure-types';
import { splitFieldErrors } from '../../features/forms/field-errors';
import {
  ANY_FIELD,
  CATALOG_FIELD_NAMES,
  CRITERIA_MESSAGE,
  isCriteriaMissing,
} from '../../features/legal-review/legal-review-view';

const FORM_ID = 'major-catalog-entry-form';
const TITLE_MAX = 200;
const BASIS_MAX = 1000;
const AMOUNT_MAX = 1e12;

type Values = {
  category: string;
  level: string;
  field: string;
  title: string;
  penaltyKinds: string[];
  partyType: string;
  amountThreshold: number | null;
  basis: string;
};

type Props = {
  options: LegalReviewCatalog['catalogOptions'];
  isOpen: boolean;
  onClose: () => void;
};

const toInput = (values: Values): MajorCatalogEntryInput => ({
  category: values.category,
  level: values.level,
  field: values.field,
  title: values.title.trim(),
  // Penalty kinds (行政处罚法 第九条) describe penalties only.
  penaltyKinds: values.category === 'penalty' ? (values.penaltyKinds ?? []) : [],
  partyType: values.partyType,
  amountThreshold: values.amountThreshold ?? null,
  basis: values.basis.trim(),
});

/**
 * REVIEW-1: 新增事项 — the catalog is drawn up by category, level, field and amount (S3 附件3 第四条); decisions
 * matching the entry need legal review from the moment it is added.
 */
export const AddCatalogEntryDrawer = ({ options, isOpen, onClose }: Props) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddMajorCatalogEntry();
  const [error, setError] = useState<{ title: string; details: string[] } | null>(null);
  const category = Form.useWatch('category', form);

  const close = () => {
    setError(null);
    add.reset();
    onClose();
  };

  const onFinish = (values: Values) => {
    setError(null);
    if (isCriteriaMissing(values)) {
      setError({ title: CRITERIA_MESSAGE, details: [] });

      return;
    }
    const input = toInput(values);
    add.mutate(input, {
      onSuccess: (done) => {
        void message.success(`已新增目录事项「${done.title}」`);
        form.resetFields();
        close();
      },
      onError: (e) => {
        const problems = fieldErrorsOf(e);
        const { formErrors, otherMessages } = splitFieldErrors(
          problems.filter((p) => p.field !== 'criteria'),
          CATALOG_FIELD_NAMES,
        );
        form.setFields(formErrors as Parameters<typeof form.setFields>[0]);
        const details = [...(problems.some((p) => p.field === 'criteria') ? [CRITERIA_MESSAGE] : []), ...otherMessages];
        setError({ title: errorMessageOf(e), details });
      },
    });
  };

  return (
    <Drawer
      title="新增重大执法决定目录事项"
      open={isOpen}
      onClose={close}
      size="min(640px, 100vw)"
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Flex gap={8}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={add.isPending}>
            新增
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          按执法类别、执法层级、所属领域、处罚种类和涉案金额等确定重大执法决定事项（S3 附件3
          第四条）。新增后，符合该事项的执法决定须经法制审核方可作出；新增记入留痕账本。
        </Typography.Paragraph>
        {error ? (
          <Alert
            type="error"
            showIcon
            data-testid="catalog-form-error"
            title={error.title}
            description={error.details.length ? error.details.join('；') : undefined}
          />
        ) : null}
        <Form<Values>
          id={FORM_ID}
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={() => setError(null)}
          disabled={add.isPending}
          requiredMark
          initialValues={{
            category: 'penalty',
            level: 'any',
            field: ANY_FIELD.value,
            penaltyKinds: [],
            partyType: 'any',
            amountThreshold: null,
          }}
        >
          <Form.Item
            label="事项名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}
          >
            <Input maxLength={TITLE_MAX} showCount placeholder="如：对法人或者其他组织处以十万元以上罚款" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              label="执法类别"
              name="category"
              rules={[{ required: true, message: '请选择执法类别' }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select options={options.categories} />
            </Form.Item>
            <Form.Item
              label="执法层级"
              name="level"
              rules={[{ required: true, message: '请选择执法层级' }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select options={options.levels} />
            </Form.Item>
            <Form.Item
              label="所属领域"
              name="field"
              rules={[{ required: true, message: '请选择所属领域' }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select options={[ANY_FIELD, ...options.fields]} />
            </Form.Item>
          </Flex>
          <Form.Item
            label="处罚种类"
            name="penaltyKinds"
            extra={
              category === 'penalty'
                ? '拟作出的处罚包括所选任一种类即属于本事项；不选则不限种类。'
                : '处罚种类仅适用于行政处罚类事项。'
            }
          >
            <Select
              mode="multiple"
              allowClear
              disabled={category !== 'penalty'}
              options={options.penaltyKinds}
              placeholder="不限"
              optionFilterProp="label"
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item label="当事人类型" name="partyType" style={{ flex: '1 1 200px' }}>
              <Select options={options.partyTypes} />
            </Form.Item>
            <Form.Item
              label="金额标准"
              name="amountThreshold"
              extra="拟罚款与没收金额合计达到该金额即属于本事项；不填则不限金额。"
              style={{ flex: '1 1 240px' }}
            >
              <InputNumber<number>
                min={0.01}
                max={AMOUNT_MAX}
                precision={2}
                prefix="¥"
                suffix="元以上"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            label="依据"
            name="basis"
            rules={[{ required: true, whitespace: true, message: '请填写设定该事项的依据' }]}
          >
            <Input.TextArea
              maxLength={BASIS_MAX}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="如：《中华人民共和国行政处罚法》第五十八条"
            />
          </Form.Item>
        </Form>
      </Flex>
    </Drawer>
  );
};
