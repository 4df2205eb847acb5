import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { messageFieldLabel, storefrontPageLabel, subscribeMessageErrorText } from '@member-commerce/shared';
import { ApiError } from '../../api/client';
import type { DevWechatMessageView } from '@member-commerce/shared';
import { listDevWechatMessages } from '../../api/dev-wechat';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';

/** What the dev WeChat simulator "sent" (renewal reminders etc.); the route exists only in WECHAT_MODE=dev. */
export default function DevMessagesPage() {
  const [unavailable, setUnavailable] = useState(false);
  const messages = useAsync(async () => {
    try {
      return await listDevWechatMessages();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setUnavailable(true);
        return [];
      }
      throw e;
    }
  }, []);

  return (
    <>
      <PageHeader
        title="开发模拟器消息"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void messages.reload()}>
            刷新
          </Button>
        }
      >
        本地微信模拟器收到的订阅消息（续费提醒等），最新在前。
      </PageHeader>
      {unavailable ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="服务器未运行在开发模式（WECHAT_MODE=dev），没有模拟器消息。" />
      ) : null}
      <Table<DevWechatMessageView>
        rowKey={(m) => `${m.sentAt}-${m.openid}-${m.templateId}`}
        loading={messages.loading}
        dataSource={messages.data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '时间', dataIndex: 'sentAt', width: 150, render: formatTime },
          { title: 'openid', dataIndex: 'openid', ellipsis: true },
          { title: '模板', dataIndex: 'templateId', ellipsis: true },
          { title: '打开页面', dataIndex: 'page', ellipsis: true, render: (page: string) => storefrontPageLabel(page) },
          {
            title: '内容',
            dataIndex: 'data',
            render: (data: DevWechatMessageView['data']) =>
              Object.entries(data).map(([key, field]) => (
                <div key={key}>
                  <Typography.Text type="secondary">{messageFieldLabel(key)}：</Typography.Text>
                  {field.value}
                </div>
              )),
          },
          {
            title: '结果',
            dataIndex: 'errcode',
            width: 100,
            render: (errcode: number) =>
              errcode === 0 ? (
                <Tag color="green">成功</Tag>
              ) : (
                <Tag color="red">
                  {subscribeMessageErrorText(errcode)}（{errcode}）
                </Tag>
              ),
          },
        ]}
      />
    </>
  );
}
