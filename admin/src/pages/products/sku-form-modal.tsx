import { formatFen, type AdminSkuView } from '@member-commerce/shared';
import { App, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { addSku, updateSku } from '../../api/products';
import { ImageUpload } from '../../components/image-upload';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { skuToRequest, type SkuFormValues } from './product-form';
import { useSaving } from '../../hooks/use-saving';

interface Props {
  productId: number;
  /** undefined adds a SKU to the product. */
  sku?: AdminSkuView;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

export function SkuFormModal({ productId, sku, open, onClose, onSaved }: Props) {
  const [form] = Form.useForm<SkuFormValues>();
  const { saving, run } = useSaving();
  const { modal } = App.useApp();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      sku
        ? { code: sku.code, name: sku.name, listPriceYuan: sku.listPriceFen / 100, stock: sku.stock, images: sku.images }
        : { stock: 100, images: [] },
    );
  }, [open, sku, form]);

  async function save() {
    const body = skuToRequest(await form.validateFields());
    await run(async () => {
      if (sku) {
        try {
          await updateSku(sku.id, body);
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'MEMBER_PRICE_ABOVE_LIST') throw error;
          confirmLowerMemberPrices(error, () =>
            run(async () => {
              await updateSku(sku.id, { ...body, clampMemberPrices: true });
              showSuccess('SKU 已保存，高于新售价的会员价已同步下调');
              onSaved();
            }),
          );
          return;
        }
      } else await addSku(productId, body);
      showSuccess('SKU 已保存');
      onSaved();
    });
  }

  /** The server refused a list price below existing member prices: say which, and lower them only if staff agree. */
  function confirmLowerMemberPrices(error: ApiError, onOk: () => Promise<void>) {
    const details = error.details as { listPriceFen: number; tiers: { tierCode?: string; tierId: number; priceFen: number }[] } | undefined;
    modal.confirm({
      title: '新售价低于现有会员价',
      content: (
        <div>
          <p>以下会员价高于新售价 {details ? formatFen(details.listPriceFen) : ''}，确认后将一并降为新售价：</p>
          <ul>
            {(details?.tiers ?? []).map((tier) => (
              <li key={tier.tierId}>
                {tier.tierCode ?? `#${tier.tierId}`}：{formatFen(tier.priceFen)}
              </li>
            ))}
          </ul>
        </div>
      ),
      okText: '确认并下调会员价',
      onOk,
    });
  }

  return (
    <Modal
      title={sku ? `编辑 SKU：${sku.code}` : '添加 SKU'}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<SkuFormValues> form={form} layout="vertical">
        <SkuFields />
        <Form.Item name="images" label="规格图片" tooltip="顾客选中此规格时优先展示；不传则用商品图片">
          <ImageUpload max={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The four SKU fields, used by this modal and (one row each, `inline`) by a new product's SKU list. */
export function SkuFields({ prefix = [], inline = false }: { prefix?: (string | number)[]; inline?: boolean }) {
  const fields = [
    <Form.Item key="code" name={[...prefix, 'code']} label="SKU 编码" rules={[{ required: true, max: 64 }]}>
      <Input placeholder="如：TEA-250G" />
    </Form.Item>,
    <Form.Item key="name" name={[...prefix, 'name']} label="规格名称" rules={[{ required: true, max: 64 }]}>
      <Input placeholder="如：250g 罐装" />
    </Form.Item>,
    <Form.Item
      key="price"
      name={[...prefix, 'listPriceYuan']}
      label="原价（元）"
      rules={[{ required: true, type: 'number', min: 0.01, message: '原价须大于 0' }]}
    >
      <YuanInput />
    </Form.Item>,
    <Form.Item key="stock" name={[...prefix, 'stock']} label="库存" rules={[{ required: true, type: 'number', min: 0 }]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
    </Form.Item>,
  ];
  if (!inline) return <>{fields}</>;
  return (
    <Row gutter={8} style={{ flex: 1 }}>
      {fields.map((field) => (
        <Col key={field.key} span={6}>
          {field}
        </Col>
      ))}
    </Row>
  );
}
