import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { HomeBanners } from '../../components/home-banners';
import { MemberBanner } from '../../components/member-banner';
import { PageState } from '../../components/page-state';
import { ProductCard } from '../../components/product-card';
import { RenewalSlot } from '../../components/in-app-reminder';
import { SearchEntry } from '../../components/search-entry';
import { useHome } from '../../hooks/use-home';
import { useProductFeed } from '../../hooks/use-product-feed';
import { isActiveMember } from '../../hooks/use-membership';
import './index.css';

export default function HomePage() {
  const [category, setCategory] = useState('');
  const { data, error, loading, reload } = useHome();
  const feed = useProductFeed(category, data);
  const member = isActiveMember(data?.membership);

  return (
    <View className='page home'>
      <SearchEntry />
      <HomeBanners />
      <MemberBanner membership={data?.membership} />
      <RenewalSlot membership={data?.membership} />
      {data && data.categories.length > 0 && (
        <ScrollView scrollX className='home__categories' enableFlex>
          {[{ name: '', label: '全部' }, ...data.categories.map((c) => ({ name: c.name, label: c.name }))].map((c) => (
            <View
              key={c.name || 'all'}
              className={`chip home__category ${category === c.name ? 'chip--active' : ''}`}
              onClick={() => setCategory(c.name)}
            >
              {c.label}
            </View>
          ))}
        </ScrollView>
      )}
      <View className='home__section-title'>
        <Text className='home__section-text'>{member ? '会员专享价' : '精选好物'}</Text>
        {data?.membership === null && <Text className='muted'>开通会员，全场享会员价</Text>}
      </View>
      <PageState
        loading={loading || (feed.loading && !feed.items)}
        error={error ?? (feed.items ? undefined : feed.error)}
        hasData={Boolean(data && feed.items)}
        onRetry={() => (error ? reload() : feed.retry())}
        empty={feed.items?.length === 0}
        emptyText='这个分类暂时没有商品'
      >
        <View className='home__feed'>
          {feed.items?.map((p) => (
            <ProductCard key={p.id} product={p} member={member} />
          ))}
        </View>
        {feed.items && feed.items.length > 0 && (
          <View className='home__more' onClick={() => feed.error && feed.retry()}>
            <Text className='muted'>
              {feed.loading
                ? '加载中…'
                : feed.error
                  ? '加载失败，点击重试'
                  : feed.hasMore
                    ? '上拉加载更多'
                    : '没有更多了'}
            </Text>
          </View>
        )}
      </PageState>
    </View>
  );
}
