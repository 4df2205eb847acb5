import type { AdminOrderView } from '@member-commerce/shared';
import { Alert, Button, Descriptions, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { changeShipment, getWechatShipping, retryWechatShipping } from '../../api/wechat-shipping';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useSaving } from '../../hooks/use-saving';
import { WECHAT_SHIPPING_STATUS } from '../../labels';
import { ShipModal } from './ship-modal';

const LOGISTICS = { 1: '快递发货', 3: '虚拟发货（无需物流）' } as const;

/**
 * The order's shipping information at WeChat (小程序发货信息管理): until it is uploaded the customer's payment
 * stays frozen. Shows the upload status with WeChat's errcode explained, and lets staff retry a failed upload or
 * use the one allowed change of the tracking number.
 */
export function WechatShippingPanel({ order, onChanged }: { order: AdminOrderView; onChanged(): void }) {
  const { can } = useAuth();
  const { data: shipping, reload } = useAsync(() => getWechatShipping(order.id), [order.id, order.status, order.shipment?.trackingNo]);
  const { saving, run } = useSaving();
  const [changing, setChanging] = useState(false);
  if (!shipping) return null;

  const retry = () =>
    run(async () => {
      const result = await retryWechatShipping(order.id);
      showSuccess(result.status === 'UPLOADED' ? '已上传到微信' : '已重试，微信仍未接受');
      await reload();
    });
  const canChange = can('orders.ship') && order.status === 'SHIPPED' && !shipping.modificationUsed && shipping.logisticsType === 1;

  return (
    <div data-testid="wechat-shipping">
      <h4 style={{ margin: '24px 0 8px' }}>微信发货信息</h4>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="上传状态">
          <EnumTag map={WECHAT_SHIPPING_STATUS} value={shipping.status} />
        </Descriptions.Item>
        <Descriptions.Item label="发货方式">{LOGISTICS[shipping.logisticsType]}</Descriptions.Item>
        {shipping.trackingNo ? (
          <Descriptions.Item label="已上传物流" span={2}>
            {shipping.expressCompany} <span style={{ fontFamily: 'monospace' }}>{shipping.trackingNo}</span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="上传时间">{formatTime(shipping.uploadedAt)}</Descriptions.Item>
        <Descriptions.Item label="尝试次数">{shipping.attempts}</Descriptions.Item>
        <Descriptions.Item label="修改机会" span={2}>
          {shipping.modificationUsed ? '已用完（微信每笔支付只允许修改一次）' : '未使用（可修改一次）'}
        </Descriptions.Item>
      </Descriptions>
      {shipping.status === 'FAILED' ? (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          data-testid="wechat-shipping-error"
          message={shipping.explanation ?? '上传失败'}
          description={
            <>
              <Tooltip title={shipping.errmsg ? `微信原文：${shipping.errmsg}` : undefined}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  微信错误码 {shipping.errcode}
                </Typography.Text>
              </Tooltip>
              <div>{shipping.nextAttemptAt ? `将于 ${formatTime(shipping.nextAttemptAt)} 自动重试` : '不会自动重试，请处理后手动重试'}</div>
            </>
          }
        />
      ) : null}
      {shipping.status === 'PENDING' ? (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message="等待上传到微信（后台任务每 20 秒处理一次），上传前顾客的货款处于冻结状态"
        />
      ) : null}
      <Space style={{ marginTop: 8 }}>
        {shipping.status === 'FAILED' && can('orders.ship') ? (
          <Button onClick={retry} loading={saving} data-testid="wechat-shipping-retry">
            重新上传
          </Button>
        ) : null}
        {canChange ? <Button onClick={() => setChanging(true)}>修改物流</Button> : null}
      </Space>
      <ShipModal
        order={changing ? order : undefined}
        onClose={() => setChanging(false)}
        change={async (shipment) => {
          await changeShipment(order.id, shipment);
        }}
        onDone={() => {
          setChanging(false);
          onChanged();
          void reload();
        }}
      />
    </div>
  );
}
