import type { AdminTierView, BenefitView, GiftPackView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { createTier, updateTier } from '../../api/tiers';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { BENEFIT_TYPE, lifecycleSuffix } from '../../labels';
import { formToRequest, NEW_TIER, tierToForm, type TierFormValues } from './tier-form';
import { useSaving } from '../../hooks/use-saving';
import { SingleImageUpload } from '../../components/single-image-upload';

interface Props {
  open: boolean;
  /** The tier being edited; undefined creates a new one. */
  tier?: AdminTierView;
  benefits: BenefitView[];
  giftPacks: GiftPackView[];
  onClose(): void;
  onSaved(tier: AdminTierView): void;
}

export function TierFormDrawer({ open, tier, benefits, giftPacks, onClose, onSaved }: Props) {
  const [form] = Form.useForm<TierFormValues>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(tier ? tierToForm(tier) : NEW_TIER);
  }, [open, tier, form]);

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      const body = formToRequest(values);
      const saved = tier ? await updateTier(tier.id, body) : await createTier(body);
      showSuccess(tier ? '会员卡已保存' : '会员卡已创建（草稿）');
      onSaved(saved);
    });
  }

  return (
    <Drawer
      title={tier ? `编辑会员卡：${tier.name}` : '新建会员卡'}
      width={640}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="tier-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form<TierFormValues> form={form} layout="vertical" requiredMark="optional">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="名称" rules={[{ required: true, max: 64 }]}>
              <Input placeholder="如：年卡会员" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label="编码"
              rules={[{ required: true }, { pattern: /^[A-Z0-9_-]{2,32}$/, message: '2–32 位大写字母、数字、_ 或 -' }]}
            >
              <Input placeholder="如：ANNUAL" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="描述">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, type: 'number', min: 0.01, message: '价格须大于 0' }]}>
              <YuanInput placeholder="1000.00" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="有效期" required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="termLength" noStyle rules={[{ required: true, type: 'number', min: 1, message: '至少 1' }]}>
                  <InputNumber min={1} max={3660} precision={0} style={{ width: '55%' }} />
                </Form.Item>
                <Form.Item name="termUnit" noStyle>
                  <Select
                    style={{ width: '45%' }}
                    options={[
                      { value: 'MONTH', label: '个月' },
                      { value: 'DAY', label: '天' },
                    ]}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="discountPercent"
              label="默认会员折扣（减 %）"
              tooltip="SKU 未设置本卡会员价时按此折扣计算，如 5 表示 95 折；不能减 100%，会员价最低 ¥0.01"
              rules={[{ type: 'number', min: 0, max: 99.99, message: '折扣须在 0–99.99% 之间（会员价最低 ¥0.01）' }]}
            >
              <InputNumber min={0} max={99.99} step={0.5} precision={2} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="autoRenewPriceYuan"
          label="自动续费价格（元/期，留空则不提供）"
          tooltip="会员签约微信委托代扣后，每期到期前按此价格自动扣款续费；已签约会员按签约时的价格扣款"
          rules={[{ type: 'number', min: 0.01, message: '价格须大于 0' }]}
        >
          <YuanInput placeholder="如 900.00" />
        </Form.Item>
        <Form.Item name="benefitIds" label="会员权益">
          <Select
            mode="multiple"
            allowClear
            placeholder="选择本卡包含的权益"
            optionFilterProp="label"
            options={benefits.map((benefit) => ({
              value: benefit.id,
              label: `[${BENEFIT_TYPE[benefit.type]?.text ?? benefit.type}] ${benefit.title}${lifecycleSuffix(benefit.status)}`,
              disabled: benefit.status === 'ARCHIVED',
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="giftPackIds" label="开卡礼包（可选项）">
              <Select
                mode="multiple"
                allowClear
                placeholder="会员可从中挑选的礼包"
                optionFilterProp="label"
                options={giftPacks.map((pack) => ({
                  value: pack.id,
                  label: `${pack.name}（价值 ${formatFen(pack.valueFen, { decimals: false })}，库存 ${pack.stock}）${lifecycleSuffix(pack.status)}`,
                  disabled: pack.status === 'ARCHIVED',
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="giftPackChoices" label="可选礼包数">
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="serviceStandaloneYuan"
          label="会员服务单独售价（元）"
          tooltip="不含礼包的会员服务单独出售时的价格。与礼包的“单独售价”一起，按比例分摊会费：礼包部分发货时确认收入，会员服务部分按期直线确认（IFRS 15 / 企业会计准则第14号）。不填则不分摊。"
          rules={[{ type: 'number', min: 0 }]}
        >
          <YuanInput placeholder="不填则不分摊" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="trialDays"
              label="免费试用天数"
              tooltip="每位顾客限一次：享会员价和包邮，不含开卡礼、优惠券和消费里程碑；0 表示不提供试用"
            >
              <InputNumber min={0} max={90} precision={0} addonAfter="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sortOrder" label="排序" tooltip="数字小的排在前面">
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="image" label="会员卡图片" tooltip="JPG / PNG / GIF">
              <SingleImageUpload />
            </Form.Item>
          </Col>
        </Row>
        {tier ? <Alert type="info" showIcon message="修改只影响之后购买的会员，已购会员的价格、期限与权益不变。" /> : null}
      </Form>
    </Drawer>
  );
}
