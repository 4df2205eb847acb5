import type { LegalDocumentKind, LegalDocumentView } from '@member-commerce/shared';
import { Alert, Button, Card, Form, Input, Table, Tabs } from 'antd';
import { useEffect } from 'react';
import { listLegalVersions, publishLegalDocument } from '../../api/agreements';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useSaving } from '../../hooks/use-saving';

const KINDS: { kind: LegalDocumentKind; label: string; hint: string }[] = [
  { kind: 'MEMBER_AGREEMENT', label: '会员服务协议', hint: '开通会员页展示；每笔会员订单记录顾客接受的版本，退款时可见。' },
  { kind: 'USER_AGREEMENT', label: '用户服务协议', hint: '小程序隐私弹窗中展示。' },
  { kind: 'PRIVACY_GUIDE', label: '隐私保护指引', hint: '小程序隐私弹窗中展示；须与微信后台填写的《小程序用户隐私保护指引》一致。' },
];

/** One text: the current version in an editor (saving publishes a new version) and every earlier version. */
function DocumentEditor({ kind, hint }: { kind: LegalDocumentKind; hint: string }) {
  const { can } = useAuth();
  const versions = useAsync(() => listLegalVersions(kind), [kind]);
  const [form] = Form.useForm<{ title: string; content: string }>();
  const { saving, run } = useSaving();
  const current = versions.data?.[0];
  useEffect(() => {
    if (current) form.setFieldsValue({ title: current.title, content: current.content });
  }, [current, form]);

  const publish = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const saved = await publishLegalDocument(kind, values);
      showSuccess(`已发布第 ${saved.version} 版`);
      await versions.reload();
    });
  };

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`${hint} 保存即发布新版本，旧版本保留不可修改。`} />
      <Card
        loading={versions.loading && !current}
        title={current ? `当前：第 ${current.version} 版（${current.createdBy}，${formatTime(current.createdAt)}）` : '尚未发布'}
      >
        <Form form={form} layout="vertical" disabled={!can('catalog.write')}>
          <Form.Item name="title" label="标题" rules={[{ required: true, max: 64, message: '1–64 字' }]}>
            <Input data-testid={`legal-title-${kind}`} />
          </Form.Item>
          <Form.Item name="content" label="正文（空行分段）" rules={[{ required: true, min: 10, max: 20000, message: '10–20000 字' }]}>
            <Input.TextArea rows={12} data-testid={`legal-content-${kind}`} />
          </Form.Item>
          <Button type="primary" onClick={publish} loading={saving}>
            发布新版本
          </Button>
        </Form>
      </Card>
      <h4 style={{ margin: '24px 0 8px' }}>历史版本</h4>
      <Table<LegalDocumentView>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions.data ?? []}
        columns={[
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
          { title: '标题', dataIndex: 'title' },
          { title: '发布人', dataIndex: 'createdBy', width: 120 },
          { title: '发布时间', dataIndex: 'createdAt', width: 180, render: formatTime },
        ]}
      />
    </>
  );
}

/** Staff edit the texts customers accept: the member agreement, and the user agreement and privacy guide the weapp's privacy popup shows. */
export default function AgreementsPage() {
  return (
    <>
      <PageHeader title="协议与隐私" />
      <Tabs items={KINDS.map(({ kind, label, hint }) => ({ key: kind, label, children: <DocumentEditor kind={kind} hint={hint} /> }))} />
    </>
  );
}
