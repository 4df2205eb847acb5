import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageState } from '../../../components/page-state';
import { ProductGrid } from '../../../components/product-grid';
import { useAsync } from '../../../hooks/use-async';
import { useProductPages } from '../../../hooks/use-product-pages';
import { useIsMember } from '../../../hooks/use-viewer-membership';
import { listCategories } from '../../../services/api/catalog';
import './index.css';

/** Categories down the left, the chosen one's products (paged, infinite scroll) on the right. */
export default function CategoryPage() {
  const { params } = useRouter();
  const categories = useAsync(() => listCategories(), []);
  const [chosen, setChosen] = useState(params.name ? decodeURIComponent(params.name) : '');
  const member = useIsMember();
  const first = categories.data?.[0]?.name ?? '';
  useEffect(() => {
    if (!chosen && first) setChosen(first);
  }, [chosen, first]);
  const products = useProductPages({ category: chosen }, chosen !== '');

  return (
    <View className='page category'>
      <PageState
        loading={categories.loading}
        error={categories.error}
        hasData={Boolean(categories.data)}
        onRetry={categories.reload}
      >
        <View className='category__layout'>
          <View className='category__rail'>
            {(categories.data ?? []).map((c) => (
              <View
                key={c.name}
                data-testid='category-tab'
                className={`category__tab ${c.name === chosen ? 'category__tab--active' : ''}`}
                onClick={() => setChosen(c.name)}
              >
                <Text>{c.name}</Text>
              </View>
            ))}
          </View>
          <View className='category__main'>
            <Text className='category__title'>{chosen}</Text>
            <PageState
              loading={products.loading}
              error={products.error}
              hasData={products.loaded}
              onRetry={products.reload}
              empty={products.loaded && products.items.length === 0}
              emptyText='这个分类暂时没有商品'
            >
              <ProductGrid
                items={products.items}
                member={member}
                loading={products.loading}
                hasMore={products.hasMore}
              />
            </PageState>
          </View>
        </View>
      </PageState>
    </View>
  );
}
