import { Flex, Spin } from 'antd';

export const FullPageSpin = ({ description = '正在加载…' }: { description?: string }) => (
  <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
    <Spin size="large" description={description} />
  </Flex>
);
