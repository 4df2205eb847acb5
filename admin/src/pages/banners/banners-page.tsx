import type { AdminBannerView } from '@member-commerce/shared';
import { thumbnailUrl } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Image, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { deleteBanner, listBanners } from '../../api/banners';
import { mediaSrc } from '../../api/media';
import { searchProducts } from '../../api/products';
import { useAuth } from '../../auth/auth-context';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { BannerFormModal } from './banner-form-modal';
import { bannerState, LINK_TYPE_LABELS } from './banner-labels';

const STATE_TAGS = { showing: <Tag color="green">展示中</Tag>, scheduled: <Tag color="blue">未开始</Tag>, ended: <Tag>已结束</Tag> };

export default function BannersPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const banners = useAsync(listBanners, []);
  const categories = useAsync(
    async () => [...new Set((await searchProducts({ pageSize: 100 })).items.map((product) => product.category))],
    [],
  );
  const [editing, setEditing] = useState<{ banner?: AdminBannerView } | null>(null);

  async function remove(banner: AdminBannerView) {
    try {
      await deleteBanner(banner.id);
      showSuccess('横幅已删除');
      await banners.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdminBannerView> = [
    { title: '排序', dataIndex: 'sortOrder', width: 70, align: 'right' },
    {
      title: '图片',
      dataIndex: 'image',
      width: 220,
      render: (url: string) => (
        <Image
          src={mediaSrc(thumbnailUrl(url))}
          preview={{ src: mediaSrc(url) }}
          width={200}
          height={80}
          style={{ objectFit: 'cover', borderRadius: 6 }}
        />
      ),
    },
    { title: '标题', dataIndex: 'title' },
    {
      title: '跳转',
      key: 'link',
      render: (_, b) => (b.linkType === 'NONE' ? LINK_TYPE_LABELS.NONE : `${LINK_TYPE_LABELS[b.linkType]}：${b.linkLabel ?? b.linkTarget}`),
    },
    {
      title: '展示时间',
      key: 'window',
      render: (_, b) => `${b.activeFrom ? formatTime(b.activeFrom) : '立即'} → ${b.activeTo ? formatTime(b.activeTo) : '不结束'}`,
    },
    { title: '状态', key: 'state', width: 90, render: (_, b) => STATE_TAGS[bannerState(b)] },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, banner) => (
        <EditDeleteActions confirm="确定删除该横幅？" onEdit={() => setEditing({ banner })} onDelete={() => remove(banner)} />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="首页横幅"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建横幅
            </Button>
          ) : null
        }
      >
        商城首页顶部轮播，按排序展示在展示时间内的横幅；点击可打开商品、分类或小程序页面。
      </PageHeader>
      <Table<AdminBannerView> rowKey="id" loading={banners.loading} dataSource={banners.data} columns={columns} pagination={false} />
      <BannerFormModal
        open={editing !== null}
        banner={editing?.banner}
        categories={categories.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void banners.reload();
        }}
      />
    </>
  );
}
