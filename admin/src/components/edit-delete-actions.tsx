import { Button, Popconfirm, Space } from 'antd';

/** The "编辑 / 删除" links of a table row; deleting asks `confirm` first. */
export function EditDeleteActions({ confirm, onEdit, onDelete }: { confirm: string; onEdit(): void; onDelete(): void }) {
  return (
    <Space>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      <Popconfirm title={confirm} onConfirm={onDelete}>
        <Button type="link" size="small" danger>
          删除
        </Button>
      </Popconfirm>
    </Space>
  );
}
