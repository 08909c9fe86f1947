import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, type FormRule } from 'antd';
import dayjs from 'dayjs';
import type { FieldDefinition } from '../../api/procedure-types';
import { visibleFields, type RecordFormValues } from '../../features/records/record-form';

const WIDE: readonly FieldDefinition['type'][] = ['textarea', 'multiselect'];

const rulesFor = (field: FieldDefinition): FormRule[] => {
  if (!field.isRequired || field.type === 'boolean') return [];
  switch (field.type) {
    case 'multiselect':
      return [{ required: true, type: 'array', min: 1, message: `请选择${field.label}` }];
    case 'select':
    case 'date':
    case 'datetime':
      return [{ required: true, message: `请选择${field.label}` }];
    case 'integer':
    case 'money':
      return [{ required: true, message: `请填写${field.label}` }];
    default:
      return [{ required: true, whitespace: true, message: `请填写${field.label}` }];
  }
};

/** The input element itself, not a wrapper component: Form.Item passes id, value and onChange to its direct child. */
const fieldInput = (field: FieldDefinition) => {
  switch (field.type) {
    case 'text':
      return <Input maxLength={field.maxLength} autoComplete="off" />;
    case 'textarea':
      return (
        <Input.TextArea
          maxLength={field.maxLength}
          showCount={field.maxLength !== undefined}
          autoSize={{ minRows: field.maxLength !== undefined && field.maxLength > 5000 ? 6 : 3, maxRows: 16 }}
        />
      );
    case 'date':
      return <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />;
    case 'datetime':
      return (
        <DatePicker
          showTime={{ format: 'HH:mm', defaultOpenValue: dayjs().startOf('hour') }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      );
    case 'select':
      return <Select options={field.options ?? []} allowClear={!field.isRequired} placeholder="请选择" />;
    case 'multiselect':
      return <Checkbox.Group options={field.options ?? []} />;
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'integer':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
    case 'money':
      return <InputNumber<string> min="0" precision={2} stringMode prefix="¥" suffix="元" style={{ width: '100%' }} />;
  }
};

/** DOC-1: the record kind's own fields, generated from the catalog, each shown only while its condition holds. */
export const RecordContentFields = ({ fields }: { fields: readonly FieldDefinition[] }) => {
  const form = Form.useFormInstance<RecordFormValues>();
  const content = Form.useWatch('content', { form, preserve: true });
  const shown = visibleFields(fields, content);

  return (
    <Row gutter={16}>
      {shown.map((field) => (
        <Col key={field.name} xs={24} md={WIDE.includes(field.type) ? 24 : 12}>
          <Form.Item
            label={field.label}
            name={['content', field.name]}
            rules={rulesFor(field)}
            extra={field.help}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
          >
            {fieldInput(field)}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
};
