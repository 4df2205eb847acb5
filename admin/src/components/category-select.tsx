import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Input, Select, Space } from 'antd';
import { useState } from 'react';

/**
 * Picks a category from those in use (with their product counts); a new one can be added from the dropdown,
 * so a typo never silently creates a second spelling of an existing category.
 */
export function CategorySelect({
  value,
  onChange,
  categories,
}: {
  value?: string;
  onChange?(category: string): void;
  categories: { name: string; productCount: number }[];
}) {
  const [draft, setDraft] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const names = new Set(categories.map((category) => category.name));
  const options = [
    ...categories.map((category) => ({ value: category.name, label: `${category.name}（${category.productCount} 件商品）` })),
    ...added.filter((name) => !names.has(name)).map((name) => ({ value: name, label: `${name}（新分类）` })),
  ];

  function add() {
    const name = draft.trim();
    if (!name) return;
    setAdded((prev) => [...prev, name]);
    setDraft('');
    onChange?.(name);
  }

  return (
    <Select
      showSearch
      placeholder="选择分类"
      value={value}
      onChange={onChange}
      options={options}
      optionFilterProp="value"
      data-testid="category-select"
      dropdownRender={(menu) => (
        <>
          {menu}
          <Divider style={{ margin: '8px 0' }} />
          <Space style={{ padding: '0 8px 4px' }}>
            <Input
              placeholder="新分类名称"
              value={draft}
              maxLength={32}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.stopPropagation()}
            />
            <Button type="text" icon={<PlusOutlined />} onClick={add}>
              新建分类
            </Button>
          </Space>
        </>
      )}
    />
  );
}
