import { Tag } from 'antd';
import type { TagView } from '../features/procedures/procedure-labels';

export const ViewTag = ({ view }: { view: TagView | undefined }) =>
  view ? (
    <Tag color={view.color} style={{ marginInlineEnd: 0 }}>
      {view.label}
    </Tag>
  ) : null;
