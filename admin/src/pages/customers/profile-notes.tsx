import type { CustomerProfileView } from '@member-commerce/shared';
import { Button, Input, List, Space } from 'antd';
import { useState } from 'react';
import { addCustomerNote } from '../../api/customers';
import { useAuth } from '../../auth/auth-context';
import { showError } from '../../feedback';
import { formatTime } from '../../format';

interface Props {
  profile: CustomerProfileView;
  onChanged(): void;
}

/** Staff notes, newest first, each with who wrote it and when. Notes are kept: they cannot be edited or deleted. */
export function ProfileNotes({ profile, onChanged }: Props) {
  const { can } = useAuth();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    try {
      await addCustomerNote(profile.customerId, text.trim());
      setText('');
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('customers.annotate') ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            value={text}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="写下回访记录、偏好或需要同事知道的事（保存后不可修改）"
            onChange={(e) => setText(e.target.value)}
            data-testid="customer-note-input"
          />
          <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void save()}>
            添加备注
          </Button>
        </Space.Compact>
      ) : null}
      <List
        data-testid="customer-notes"
        locale={{ emptyText: '暂无备注' }}
        dataSource={profile.notes}
        renderItem={(note) => (
          <List.Item>
            <List.Item.Meta title={note.text} description={`${note.staffUsername} · ${formatTime(note.createdAt)}`} />
          </List.Item>
        )}
      />
    </Space>
  );
}
