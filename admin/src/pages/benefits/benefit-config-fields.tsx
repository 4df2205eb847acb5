import type { BenefitType, BenefitView, CouponConfig, PriorityAccessConfig, ServiceConfig } from '@member-commerce/shared';
import { formatFen, yuanToFen } from '@member-commerce/shared';
import { Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { YuanInput } from '../../components/yuan-input';

/** The form's view of a benefit's config: money in yuan, one field group per type. */
export interface ConfigFormValues {
  hours?: number;
  amountYuan?: number;
  thresholdYuan?: number;
  validDays?: number;
  perMonth?: boolean;
  quantity?: number;
  phone?: string;
  wechatId?: string;
}

export function configToForm(benefit: BenefitView): ConfigFormValues {
  const config = (benefit.config ?? {}) as Partial<PriorityAccessConfig & CouponConfig & ServiceConfig>;
  return {
    hours: config.hours,
    amountYuan: config.amountFen !== undefined ? config.amountFen / 100 : undefined,
    thresholdYuan: config.thresholdFen !== undefined ? config.thresholdFen / 100 : undefined,
    validDays: config.validDays,
    perMonth: config.perMonth,
    quantity: config.quantity,
    phone: config.phone,
    wechatId: config.wechatId,
  };
}

export function formToConfig(type: BenefitType, values: ConfigFormValues): Record<string, unknown> | undefined {
  switch (type) {
    case 'PRIORITY_ACCESS':
      return { hours: values.hours } satisfies Partial<PriorityAccessConfig>;
    case 'COUPON':
      return {
        amountFen: yuanToFen(values.amountYuan ?? 0),
        thresholdFen: yuanToFen(values.thresholdYuan ?? 0),
        validDays: values.validDays ?? 30,
        perMonth: values.perMonth ?? false,
        quantity: values.quantity ?? 1,
      } satisfies CouponConfig;
    case 'SERVICE':
      return {
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.wechatId?.trim() ? { wechatId: values.wechatId.trim() } : {}),
      };
    default:
      return undefined;
  }
}

/** One line a person reads in the benefit list, e.g. "满 ¥300.00 减 ¥50.00，有效 30 天，每月发放 1 张". */
export function describeConfig(benefit: BenefitView): string | undefined {
  const config = (benefit.config ?? {}) as Partial<PriorityAccessConfig & CouponConfig & ServiceConfig>;
  switch (benefit.type) {
    case 'PRIORITY_ACCESS':
      return config.hours ? `新品提前 ${config.hours} 小时购买` : undefined;
    case 'COUPON':
      if (config.amountFen === undefined) return undefined;
      return `${config.thresholdFen ? `满 ${formatFen(config.thresholdFen)} ` : '无门槛'}减 ${formatFen(config.amountFen)}，有效 ${config.validDays ?? '—'} 天，${config.perMonth ? '每月' : '开通时'}发放 ${config.quantity ?? 1} 张`;
    case 'SERVICE':
      return [config.phone && `电话 ${config.phone}`, config.wechatId && `微信 ${config.wechatId}`].filter(Boolean).join('，') || undefined;
    default:
      return undefined;
  }
}

const NO_SETTINGS: Partial<Record<BenefitType, string>> = {
  MEMBER_PRICE: '会员价按每个商品的会员价表或会员卡默认折扣计算，无需在此设置。',
  WELCOME_GIFT: '开卡礼包在会员卡的“开卡礼包”中选择，无需在此设置。',
  SPEND_MILESTONE: '门槛与奖励在“消费里程碑”页面设置。',
  FREE_SHIPPING: '有效会员的订单免运费，无需在此设置。',
};

/** The settings a benefit of `type` needs, as form fields (names match ConfigFormValues). */
export function BenefitConfigFields({ type }: { type?: BenefitType }) {
  if (type === 'PRIORITY_ACCESS') {
    return (
      <Form.Item
        name="hours"
        label="会员提前购买（小时）"
        rules={[{ required: true, type: 'number', min: 1, max: 720, message: '1–720 小时' }]}
      >
        <InputNumber<number> min={1} max={720} precision={0} suffix="小时" style={{ width: 200 }} />
      </Form.Item>
    );
  }
  if (type === 'COUPON') {
    return (
      <>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="amountYuan"
              label="券面额（元）"
              rules={[{ required: true, type: 'number', min: 0.01, message: '至少 0.01 元' }]}
            >
              <YuanInput min={0.01} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="thresholdYuan" label="使用门槛（元，0 为无门槛）" rules={[{ required: true, type: 'number', min: 0 }]}>
              <YuanInput />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="validDays"
              label="有效天数"
              rules={[{ required: true, type: 'number', min: 1, max: 366, message: '1–366 天' }]}
            >
              <InputNumber<number> min={1} max={366} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="quantity"
              label="每次发放张数"
              rules={[{ required: true, type: 'number', min: 1, max: 10, message: '1–10 张' }]}
            >
              <InputNumber<number> min={1} max={10} precision={0} suffix="张" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="perMonth" label="每个会员月发放" valuePropName="checked">
              <Switch checkedChildren="每月" unCheckedChildren="仅开通时" />
            </Form.Item>
          </Col>
        </Row>
      </>
    );
  }
  if (type === 'SERVICE') {
    return (
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="phone" label="客服电话" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '5–20 位数字' }]}>
            <Input placeholder="400-800-1234" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="wechatId"
            label="客服微信号"
            dependencies={['phone']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value?: string) => {
                  if (!value?.trim() && !String(getFieldValue('phone') ?? '').trim()) throw new Error('电话与微信号至少填一项');
                },
              }),
            ]}
          >
            <Input placeholder="vip-service" />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  return type && NO_SETTINGS[type] ? <Typography.Paragraph type="secondary">{NO_SETTINGS[type]}</Typography.Paragraph> : null;
}
