import { BANNER_PAGES, type AdminBannerView, type BannerInput, type BannerLinkType } from '@member-commerce/shared';
import { AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { createBanner, updateBanner } from '../../api/banners';
import { searchProducts } from '../../api/products';
import { ImageUpload } from '../../components/image-upload';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';
import { LINK_TYPE_LABELS } from './banner-labels';

interface FormValues {
  title: string;
  images: string[];
  linkType: BannerLinkType;
  linkTarget?: string;
  sortOrder: number;
  window?: [Dayjs | null, Dayjs | null];
}

interface Props {
  open: boolean;
  banner?: AdminBannerView;
  categories: string[];
  onClose(): void;
  onSaved(): void;
}

export function BannerFormModal({ open, banner, categories, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();
  const linkType = Form.useWatch('linkType', form);
  const [productOptions, setProductOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      banner
        ? {
            title: banner.title,
            images: [banner.image],
            linkType: banner.linkType,
            linkTarget: banner.linkTarget,
            sortOrder: banner.sortOrder,
            window: [banner.activeFrom ? dayjs(banner.activeFrom) : null, banner.activeTo ? dayjs(banner.activeTo) : null] as [
              Dayjs | null,
              Dayjs | null,
            ],
          }
        : { images: [], linkType: 'PRODUCT', sortOrder: 0, window: undefined },
    );
  }, [open, banner, form]);

  async function findProducts(q: string) {
    const page = await searchProducts({ q: q || undefined, pageSize: 20 });
    setProductOptions(page.items.map((product) => ({ value: String(product.id), label: product.title })));
  }

  useEffect(() => {
    if (open && linkType === 'PRODUCT') void findProducts('').catch(() => undefined);
  }, [open, linkType]);

  async function save() {
    const values = await form.validateFields();
    const [from, to] = values.window ?? [null, null];
    const body: BannerInput = {
      title: values.title.trim(),
      image: values.images[0],
      linkType: values.linkType,
      linkTarget: values.linkType === 'NONE' ? '' : (values.linkTarget ?? '').trim(),
      sortOrder: values.sortOrder,
      activeFrom: from ? from.toISOString() : null,
      activeTo: to ? to.toISOString() : null,
    };
    await run(async () => {
      if (banner) await updateBanner(banner.id, body);
      else await createBanner(body);
      showSuccess('横幅已保存');
      onSaved();
    });
  }

  return (
    <Modal
      title={banner ? '编辑横幅' : '新建横幅'}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues> form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label="标题" rules={[{ required: true, max: 64 }]} tooltip="用于后台识别和无障碍朗读">
          <Input placeholder="如：车厘子季 · 会员抢先购" />
        </Form.Item>
        <Form.Item
          name="images"
          label="横幅图片"
          rules={[{ required: true, type: 'array', min: 1, message: '请上传一张图片' }]}
          extra="建议 750×300，JPG/PNG"
        >
          <ImageUpload max={1} />
        </Form.Item>
        <Form.Item name="linkType" label="点击后打开" rules={[{ required: true }]}>
          <Select options={Object.entries(LINK_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {linkType === 'PRODUCT' && (
          <Form.Item name="linkTarget" label="商品" rules={[{ required: true, message: '请选择商品' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={(q) => void findProducts(q)}
              options={productOptions}
              placeholder="搜索商品名称"
            />
          </Form.Item>
        )}
        {linkType === 'CATEGORY' && (
          <Form.Item name="linkTarget" label="分类" rules={[{ required: true, max: 32 }]}>
            <AutoComplete options={categories.map((value) => ({ value }))} placeholder="选择分类" />
          </Form.Item>
        )}
        {linkType === 'PAGE' && (
          <Form.Item name="linkTarget" label="页面" rules={[{ required: true }]}>
            <Select options={BANNER_PAGES} />
          </Form.Item>
        )}
        <Form.Item name="window" label="展示时间" tooltip="留空表示一直展示；只填开始或结束也可以">
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} placeholder={['立即开始', '不结束']} />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" tooltip="数字小的排在前面">
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
