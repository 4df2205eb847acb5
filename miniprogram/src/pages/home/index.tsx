import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { MemberBanner } from '../../components/member-banner';
import { PageState } from '../../components/page-state';
import { ProductCard } from '../../components/product-card';
import { RenewalNotice } from '../../components/renewal-notice';
import { useHome } from '../../hooks/use-home';
import { isActiveMember } from '../../hooks/use-membership';
import './index.css';

export default function HomePage() {
  const [category, setCategory] = useState('');
  const { data, error, loading, reload } = useHome(category);
  const member = isActiveMember(data?.membership);

  return (
    <View className='page home'>
      <MemberBanner membership={data?.membership} />
      <RenewalNotice membership={data?.membership} />
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
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.products.length === 0}
        emptyText='这个分类暂时没有商品'
      >
        <View className='home__feed'>
          {data?.products.map((p) => (
            <ProductCard key={p.id} product={p} member={member} />
          ))}
        </View>
      </PageState>
    </View>
  );
}
