import type { ReminderPreview, ReminderPreviewMessage, ReminderRuleKind } from '@member-commerce/shared';
import { Alert, Card, Descriptions, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { previewReminderRule } from '../../api/reminders';
import { errorText } from '../../feedback';

function Message({ title, message }: { title: string; message: ReminderPreviewMessage }) {
  return (
    <Card size="small" title={title} style={{ flex: 1 }}>
      <Descriptions size="small" column={1} items={message.fields.map((f) => ({ key: f.key, label: f.label, children: f.value }))} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        未授权订阅消息时，站内提醒：{message.inApp}
      </Typography.Paragraph>
    </Card>
  );
}

/** What a sample member would receive, rendered by the server with the code that sends the reminders. */
export function RulePreview({ kind, offsetDays, fields }: { kind: ReminderRuleKind; offsetDays: number; fields: Record<string, string> }) {
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const key = JSON.stringify({ kind, offsetDays, fields });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewReminderRule(JSON.parse(key) as { kind: ReminderRuleKind; offsetDays: number; fields: Record<string, string> })
        .then((result) => current && (setPreview(result), setFailure(null)))
        .catch((error: unknown) => current && setFailure(errorText(error)));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (failure) return <Alert style={{ marginTop: 12 }} type="warning" showIcon message={failure} />;
  if (!preview) return <Spin style={{ display: 'block', marginTop: 12 }} />;
  return (
    <div style={{ marginTop: 12 }} data-testid="reminder-preview">
      <Typography.Text strong>
        预览（示例会员：{preview.sample.tierName}，到期 {preview.sample.termEnd}）
      </Typography.Text>
      <Flex gap={12} style={{ marginTop: 8 }}>
        <Message title={kind === 'GRACE' ? '宽限期会员收到' : '手动续费的会员收到'} message={preview.member} />
        {preview.autoRenewMember ? <Message title="已开通自动续费的会员收到" message={preview.autoRenewMember} /> : null}
      </Flex>
    </div>
  );
}
