import type { LifecycleStatus } from '@member-commerce/shared';
import { Button, Popconfirm, Space } from 'antd';

interface Props {
  status: LifecycleStatus;
  /** What the row is, in the confirmations: "权益", "礼包", "里程碑". */
  noun: string;
  onEdit(): void;
  onStatus(to: LifecycleStatus): void;
  /** Only drafts are deleted; omit where nothing is ever deleted. */
  onDelete?(): void;
}

/**
 * The row actions of a benefit, gift pack or milestone, which share the tier's lifecycle: a draft may be enabled
 * or deleted, an active one archived (sold no more, kept by the members who hold it), an archived one only read.
 */
export function LifecycleActions({ status, noun, onEdit, onStatus, onDelete }: Props) {
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      {status === 'DRAFT' && (
        <Button type="link" size="small" onClick={() => onStatus('ACTIVE')}>
          启用
        </Button>
      )}
      {status !== 'ARCHIVED' && (
        <Popconfirm
          title={`归档后新会员不再获得该${noun}，已持有的会员照常享有，且不可恢复。确定归档？`}
          onConfirm={() => onStatus('ARCHIVED')}
        >
          <Button type="link" size="small">
            归档
          </Button>
        </Popconfirm>
      )}
      {status === 'DRAFT' && onDelete && (
        <Popconfirm title={`草稿${noun}未被任何会员持有，删除后不可恢复。确定删除？`} onConfirm={onDelete}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
