import type { CustomerProfileView } from '@member-commerce/shared';
import { AutoComplete, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { addCustomerTag, listCustomerTags, removeCustomerTag } from '../../api/customers';
import { useAuth } from '../../auth/auth-context';
import { showError } from '../../feedback';
import { useAsync } from '../../hooks/use-async';

interface Props {
  profile: CustomerProfileView;
  onChanged(): void;
}

/** The staff tags on a customer: add one by name (an existing tag or a new one), take one off. */
export function ProfileTags({ profile, onChanged }: Props) {
  const { can } = useAuth();
  const editable = can('customers.annotate');
  const known = useAsync(listCustomerTags, []);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      setName('');
      onChanged();
      void known.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const mine = new Set(profile.tags.map((tag) => tag.name));
  return (
    <Space wrap data-testid="customer-tags">
      {profile.tags.length === 0 ? <span style={{ color: '#999' }}>暂无标签</span> : null}
      {profile.tags.map((tag) => (
        <Tag
          key={tag.id}
          color="blue"
          closable={editable}
          onClose={(e) => {
            e.preventDefault();
            void run(() => removeCustomerTag(profile.customerId, tag.id));
          }}
        >
          {tag.name}
        </Tag>
      ))}
      {editable ? (
        <Space.Compact>
          <AutoComplete
            style={{ width: 180 }}
            value={name}
            maxLength={20}
            placeholder="选择或输入新标签"
            options={(known.data ?? []).filter((tag) => !mine.has(tag.name)).map((tag) => ({ value: tag.name }))}
            onChange={setName}
            data-testid="customer-tag-input"
          />
          <Button loading={busy} disabled={!name.trim()} onClick={() => void run(() => addCustomerTag(profile.customerId, name.trim()))}>
            加标签
          </Button>
        </Space.Compact>
      ) : null}
    </Space>
  );
}
