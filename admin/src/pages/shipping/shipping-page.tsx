import type { ShippingPolicyView } from '@member-commerce/shared';
import { formatFen, yuanToFen } from '@member-commerce/shared';
import { Alert, Button, Card, Form, Switch } from 'antd';
import { useEffect } from 'react';
import { getShippingPolicy, updateShippingPolicy } from '../../api/shipping';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { useSaving } from '../../hooks/use-saving';

interface FormValues {
  flatFeeYuan: number;
  hasThreshold: boolean;
  freeAboveYuan?: number;
}

/** The shipping fee checkout charges: a flat fee per order, free from a goods amount up; members with 全场包邮 never pay it. */
export default function ShippingPage() {
  const { can } = useAuth();
  const policy = useAsync(getShippingPolicy, []);
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();
  const hasThreshold = Form.useWatch('hasThreshold', form);

  useEffect(() => {
    if (!policy.data) return;
    form.setFieldsValue({
      flatFeeYuan: policy.data.flatFeeFen / 100,
      hasThreshold: policy.data.freeAboveFen !== null,
      freeAboveYuan: policy.data.freeAboveFen === null ? undefined : policy.data.freeAboveFen / 100,
    });
  }, [policy.data, form]);

  async function save() {
    const values = await form.validateFields();
    const next: ShippingPolicyView = {
      flatFeeFen: yuanToFen(values.flatFeeYuan),
      freeAboveFen: values.hasThreshold && values.freeAboveYuan ? yuanToFen(values.freeAboveYuan) : null,
    };
    await run(async () => {
      await updateShippingPolicy(next);
      showSuccess('运费设置已保存');
      await policy.reload();
    });
  }

  const current = policy.data;
  return (
    <>
      <PageHeader title="运费设置" />
      <Card style={{ maxWidth: 640 }} loading={policy.loading && !current}>
        {current ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 24 }}
            message={`当前：每单运费 ${formatFen(current.flatFeeFen)}，${current.freeAboveFen === null ? '不设包邮门槛' : `商品满 ${formatFen(current.freeAboveFen)} 包邮`}；持「全场包邮」权益的会员始终免运费。`}
          />
        ) : null}
        <Form form={form} layout="vertical" disabled={!can('catalog.write')}>
          <Form.Item
            name="flatFeeYuan"
            label="每单运费（元）"
            rules={[{ required: true, type: 'number', min: 0, max: 1000, message: '0 – 1000 元' }]}
          >
            <YuanInput max={1000} />
          </Form.Item>
          <Form.Item name="hasThreshold" label="满额包邮" valuePropName="checked">
            <Switch />
          </Form.Item>
          {hasThreshold ? (
            <Form.Item
              name="freeAboveYuan"
              label="商品金额满（元）包邮"
              rules={[{ required: true, type: 'number', min: 0.01, message: '请填写包邮门槛' }]}
            >
              <YuanInput />
            </Form.Item>
          ) : null}
          <Button type="primary" loading={saving} onClick={save} data-testid="save-shipping">
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
