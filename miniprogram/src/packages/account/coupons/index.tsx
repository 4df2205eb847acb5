import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen, type CouponStatus } from '@member-commerce/shared';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { listMyCoupons } from '../../../services/api/coupons';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import { formatDate } from '../../../utils/format';
import './index.css';

const tabs: { label: string; statuses: CouponStatus[] }[] = [
  { label: '可使用', statuses: ['AVAILABLE'] },
  { label: '下单占用中', statuses: ['LOCKED'] },
  { label: '已使用', statuses: ['USED'] },
  { label: '已失效', statuses: ['EXPIRED', 'VOID'] },
];

/** 我的优惠券: coupons of the member's COUPON benefit, by status; a usable one leads to the shop. */
export default function CouponsPage() {
  const [tab, setTab] = useState(0);
  const { data, loading, error, reload } = useAsync(listMyCoupons, [], { onShow: true, pullDown: true });
  const shown = (data ?? []).filter((c) => tabs[tab].statuses.includes(c.status));

  return (
    <View className='page coupons'>
      <View className='coupons__tabs'>
        {tabs.map((t, i) => (
          <View
            key={t.label}
            className={`coupons__tab ${tab === i ? 'coupons__tab--on' : ''}`}
            onClick={() => setTab(i)}
          >
            {t.label}
          </View>
        ))}
      </View>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={shown.length === 0}
        emptyText='暂无优惠券'
      >
        {shown.map((c) => (
          <View
            key={c.id}
            className={`coupon ${c.status === 'AVAILABLE' ? '' : 'coupon--off'}`}
            data-testid='coupon'
            onClick={() => c.status === 'AVAILABLE' && go(Routes.home)}
          >
            <View className='coupon__amount'>
              <Text className='coupon__yuan'>{formatFen(c.amountFen)}</Text>
              <Text className='coupon__rule'>
                {c.thresholdFen > 0 ? `满${formatFen(c.thresholdFen)}可用` : '无门槛'}
              </Text>
            </View>
            <View className='coupon__body'>
              <Text className='coupon__title'>{c.title}</Text>
              <Text className='coupon__valid'>
                {formatDate(c.validFrom)} – {formatDate(c.validTo)}
              </Text>
              {c.status === 'AVAILABLE' && <Text className='coupon__use'>去使用 ›</Text>}
              {c.status === 'EXPIRED' && <Text className='coupon__valid'>已过期</Text>}
              {c.status === 'VOID' && <Text className='coupon__valid'>会员资格已退款或撤销，此券作废</Text>}
            </View>
          </View>
        ))}
      </PageState>
    </View>
  );
}
