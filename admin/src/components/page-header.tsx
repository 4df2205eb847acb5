import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title on the left, page actions on the right. */
export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={12} wrap="wrap">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {children}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
