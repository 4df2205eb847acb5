import type { CreateGiftPackRequest, GiftPackView } from '@member-commerce/shared';
import { formatFen, yuanToFen } from '@member-commerce/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { createGiftPack, updateGiftPack } from '../../api/gift-packs';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { useSkuOptions } from '../../hooks/use-sku-options';
import { useSaving } from '../../hooks/use-saving';
import { SingleImageUpload } from '../../components/single-image-upload';

interface FormValues {
  name: string;
  description?: string;
  valueYuan: number;
  standaloneYuan?: number | null;
  stock: number;
  image?: string;
  items: { skuId: number; quantity: number }[];
}

export function GiftPackFormDrawer({
  open,
  pack,
  onClose,
  onSaved,
}: {
  open: boolean;
  pack?: GiftPackView;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();
  const skus = useSkuOptions(open);

  // Items already in the pack stay selectable even when their product is past the first page.
  const options = useMemo(() => {
    const known = new Map((skus.data ?? []).map((option) => [option.value, option]));
    for (const item of pack?.items ?? []) {
      if (!known.has(item.skuId)) known.set(item.skuId, { value: item.skuId, label: `${item.productTitle} / ${item.skuName}` });
    }
    return [...known.values()];
  }, [skus.data, pack]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      pack
        ? {
            name: pack.name,
            description: pack.description,
            valueYuan: pack.valueFen / 100,
            standaloneYuan: pack.standaloneFen === null ? null : pack.standaloneFen / 100,
            stock: pack.stock,
            image: pack.image ?? undefined,
            items: pack.items.map(({ skuId, quantity }) => ({ skuId, quantity })),
          }
        : { stock: 100, items: [{ skuId: undefined as unknown as number, quantity: 1 }] },
    );
  }, [open, pack, form]);

  // What the chosen contents are worth at list price, against the declared value (a pack must not over-promise).
  const watchedItems = Form.useWatch('items', form);
  const watchedValue = Form.useWatch('valueYuan', form);
  const contentsFen = useMemo(() => {
    const prices = new Map(options.map((option) => [option.value, option.listPriceFen]));
    let sum = 0;
    for (const item of watchedItems ?? []) {
      const price = item?.skuId ? prices.get(item.skuId) : undefined;
      if (price === undefined || !item.quantity) return null;
      sum += price * item.quantity;
    }
    return sum;
  }, [watchedItems, options, pack]);
  const declaredFen = typeof watchedValue === 'number' ? yuanToFen(watchedValue) : null;

  async function save() {
    const values = await form.validateFields();
    const body: CreateGiftPackRequest = {
      name: values.name.trim(),
      description: values.description?.trim() ?? '',
      valueFen: yuanToFen(values.valueYuan),
      standaloneFen: typeof values.standaloneYuan === 'number' ? yuanToFen(values.standaloneYuan) : null,
      stock: values.stock,
      image: values.image?.trim() || null,
      items: values.items,
    };
    await run(async () => {
      if (pack) await updateGiftPack(pack.id, body);
      else await createGiftPack(body);
      showSuccess('礼包已保存');
      onSaved();
    });
  }

  return (
    <Drawer
      title={pack ? `编辑礼包：${pack.name}` : '新建礼包'}
      width={640}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="name" label="名称" rules={[{ required: true, max: 64 }]}>
          <Input placeholder="如：开卡尊享礼包" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="valueYuan"
              label="申报价值（元）"
              tooltip="用于展示，也用于计算会员卡退款时扣除的已用权益"
              rules={[{ required: true, type: 'number', min: 0 }]}
            >
              <YuanInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stock" label="库存" rules={[{ required: true, type: 'number', min: 0 }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="standaloneYuan"
          label="单独售价（元）"
          tooltip="礼包单独出售时的价格。与会员卡的“会员服务单独售价”一起，按比例把会费分摊为礼包收入（发货时确认）与会员服务收入（按期确认）。不填则会费全部按会员服务确认。"
          rules={[{ type: 'number', min: 0 }]}
        >
          <YuanInput placeholder="不填则不分摊" />
        </Form.Item>
        {contentsFen !== null && declaredFen !== null && contentsFen !== declaredFen && (
          <Alert
            style={{ marginBottom: 16 }}
            type={declaredFen > contentsFen ? 'error' : 'warning'}
            showIcon
            data-testid="pack-value-warning"
            message={`申报价值 ${formatFen(declaredFen)} 与内容价值 ${formatFen(contentsFen)}（商品原价 × 数量）不一致`}
            description={
              declaredFen > contentsFen ? '会员看到的礼包价值高于实际内容，请调整申报价值或礼包内容。' : '申报价值低于内容价值。'
            }
          />
        )}
        <Form.Item name="image" label="礼包图片" tooltip="JPG / PNG / GIF">
          <SingleImageUpload />
        </Form.Item>
        <Form.Item label="礼包内容" required>
          <Form.List
            name="items"
            rules={[
              {
                validator: async (_, items?: unknown[]) => {
                  if (!items?.length) throw new Error('至少添加一件商品');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'skuId']} rules={[{ required: true, message: '选择 SKU' }]} style={{ width: 420 }}>
                      <Select showSearch optionFilterProp="label" placeholder="选择商品规格" loading={skus.loading} options={options} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, type: 'number', min: 1 }]}>
                      <InputNumber min={1} precision={0} prefix="×" style={{ width: 110 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ quantity: 1 })} icon={<PlusOutlined />} block>
                  添加商品
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
