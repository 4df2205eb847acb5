import type { AdminSkuView, AdminTierView, MemberPriceInput } from '@member-commerce/shared';
import { formatFen, memberPriceFen, yuanToFen } from '@member-commerce/shared';
import { Alert, Form, Modal, Table } from 'antd';
import { useEffect } from 'react';
import { setMemberPrices } from '../../api/products';
import { EnumTag } from '../../components/enum-tag';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { TIER_STATUS } from '../../labels';
import { useSaving } from '../../hooks/use-saving';

interface Props {
  sku?: AdminSkuView;
  tiers: AdminTierView[];
  onClose(): void;
  onSaved(): void;
}

/** Yuan per form field `tier-<id>` (also the input's DOM id). */
type Prices = Record<string, number | null | undefined>;
const fieldName = (tierId: number) => `tier-${tierId}`;

/**
 * The SKU's price on each tier's price list. An empty price means the tier's default discount applies;
 * the placeholder shows what that comes to.
 */
export function MemberPricesModal({ sku, tiers, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Prices>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (!sku) return;
    form.resetFields();
    form.setFieldsValue(Object.fromEntries(sku.memberPrices.map((price) => [fieldName(price.tierId), price.priceFen / 100])));
  }, [sku, form]);

  async function save() {
    if (!sku) return;
    const values = await form.validateFields();
    const prices: MemberPriceInput[] = Object.entries(values)
      .filter(([, yuan]) => yuan !== null && yuan !== undefined)
      .map(([field, yuan]) => ({ tierId: Number(field.slice('tier-'.length)), priceFen: yuanToFen(yuan as number) }));
    await run(async () => {
      await setMemberPrices(sku.id, prices);
      showSuccess('会员价已保存');
      onSaved();
    });
  }

  return (
    <Modal
      title={sku ? `会员价：${sku.name}（原价 ${formatFen(sku.listPriceFen)}）` : ''}
      open={Boolean(sku)}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="留空表示按该会员卡的默认折扣计算；会员价不能高于原价。" />
      <Form form={form} component={false}>
        <Table<AdminTierView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={tiers}
          columns={[
            {
              title: '会员卡',
              dataIndex: 'name',
              render: (name: string, tier) => (
                <>
                  {name} <EnumTag map={TIER_STATUS} value={tier.status} />
                </>
              ),
            },
            {
              title: '默认折扣价',
              key: 'default',
              render: (_, tier) => (sku ? formatFen(memberPriceFen(sku.listPriceFen, tier.defaultDiscountBp)) : '—'),
            },
            {
              title: '会员价（元）',
              key: 'price',
              width: 200,
              render: (_, tier) => (
                <Form.Item
                  name={fieldName(tier.id)}
                  style={{ margin: 0 }}
                  rules={[{ type: 'number', max: sku ? sku.listPriceFen / 100 : undefined, message: '不能高于原价' }]}
                >
                  <YuanInput placeholder="按默认折扣" />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
