import { Typography } from 'antd';
import type { Citation } from '../api/procedure-types';
import { citationsText } from '../features/procedures/procedure-labels';

type Props = { citations: readonly Citation[] | undefined; prefix?: string };

/** The legal basis as small grey text; nothing when there is none. */
export const Citations = ({ citations, prefix = '依据：' }: Props) =>
  citations && citations.length > 0 ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="citations">
      {prefix}
      {citationsText(citations)}
    </Typography.Text>
  ) : null;
