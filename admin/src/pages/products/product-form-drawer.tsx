import type { AdminProductView, AdminTierView, CategoryView } from '@member-commerce/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Space, Spin, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { createProduct, getProduct, updateProduct } from '../../api/products';
import { CategorySelect } from '../../components/category-select';
import { RichTextEditor } from '../../components/rich-text-editor';
import { showError, showSuccess } from '../../feedback';
import { formToCreate, formToUpdate, NEW_PRODUCT, productToForm, type ProductFormValues } from './product-form';
import { SkuFields } from './sku-form-modal';
import { SkuList } from './sku-list';
import { useSaving } from '../../hooks/use-saving';
import { ImageUpload } from '../../components/image-upload';

interface Props {
  open: boolean;
  /** The product to edit; undefined creates one. */
  productId?: number;
  tiers: AdminTierView[];
  categories: CategoryView[];
  onClose(): void;
  /** Something was saved: the list should reload. */
  onChanged(): void;
}

export function ProductFormDrawer({ open, productId, tiers, categories, onClose, onChanged }: Props) {
  const [form] = Form.useForm<ProductFormValues>();
  const [product, setProduct] = useState<AdminProductView>();
  const [loading, setLoading] = useState(false);
  const { saving, run } = useSaving();

  async function load(id: number) {
    setLoading(true);
    try {
      const fresh = await getProduct(id);
      setProduct(fresh);
      return fresh;
    } catch (e) {
      showError(e);
      return undefined;
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProduct(undefined);
    if (productId === undefined) {
      form.setFieldsValue(NEW_PRODUCT);
      return;
    }
    void load(productId).then((fresh) => fresh && form.setFieldsValue(productToForm(fresh)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, productId, form]);

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      if (product) {
        setProduct(await updateProduct(product.id, formToUpdate(values)));
        showSuccess('商品已保存');
      } else {
        const created = await createProduct(formToCreate(values));
        showSuccess('商品已创建，可继续设置会员价');
        setProduct(created);
        form.setFieldsValue(productToForm(created));
      }
      onChanged();
    });
  }

  const title = product ? `编辑商品：${product.title}` : '新建商品';
  return (
    <Drawer
      title={title}
      width={860}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      <Spin spinning={loading}>
        <Form<ProductFormValues> form={form} layout="vertical" requiredMark="optional">
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="title" label="商品名称" rules={[{ required: true, max: 128 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="category" label="分类" rules={[{ required: true, max: 64 }]}>
                <CategorySelect categories={categories} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="subtitle" label="副标题">
            <Input />
          </Form.Item>
          <Form.Item name="description" label="商品详情" tooltip="支持标题、加粗、列表、链接与图片地址；保存时会去掉不安全的内容">
            <RichTextEditor placeholder="介绍产地、规格、食用方法等" />
          </Form.Item>
          <Form.Item name="images" label="商品图片" tooltip="JPG / PNG / GIF，第一张为封面">
            <ImageUpload max={10} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="onSale" label="销售状态" valuePropName="checked">
                <Switch checkedChildren="在售" unCheckedChildren="下架" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="publicFrom"
                label="会员优先购截止时间"
                tooltip="公开时间：此前只有会员卡含「优先购」权益的有效会员，在权益设定的时长内（如提前 48 小时）能看到和购买，其他人等到此时间；留空表示所有人可买"
              >
                <DatePicker showTime style={{ width: '100%' }} placeholder="不设置优先购" />
              </Form.Item>
            </Col>
          </Row>
          {product ? null : (
            <>
              <Divider orientation="left">SKU</Divider>
              <Form.List
                name="skus"
                rules={[
                  {
                    validator: async (_, skus?: unknown[]) => {
                      if (!skus?.length) throw new Error('至少一个 SKU');
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((field) => (
                      <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                        <SkuFields prefix={[field.name]} inline />
                        <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(field.name)} />
                      </div>
                    ))}
                    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', stock: 100 })}>
                      添加 SKU
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            </>
          )}
        </Form>
        {product ? (
          <>
            <Divider orientation="left">SKU 与会员价</Divider>
            <SkuList
              product={product}
              tiers={tiers}
              editable
              onChanged={() => {
                void load(product.id);
                onChanged();
              }}
            />
          </>
        ) : null}
      </Spin>
    </Drawer>
  );
}
