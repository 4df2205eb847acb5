import { Typography } from 'antd';

/** An order number staff click to open the order's drawer. */
export function OrderNumberLink({ outTradeNo, onOpen }: { outTradeNo?: string | null; onOpen?(): void }) {
  if (!outTradeNo) return <>—</>;
  return onOpen ? (
    <Typography.Link onClick={onOpen} copyable={{ text: outTradeNo, tooltips: ['复制', '已复制'] }}>
      {outTradeNo}
    </Typography.Link>
  ) : (
    <Typography.Text copyable={{ text: outTradeNo, tooltips: ['复制', '已复制'] }}>{outTradeNo}</Typography.Text>
  );
}
