import { Text, View } from '@tarojs/components';
import type { ProductView } from '@member-commerce/shared';
import { ProductCard } from '../product-card';
import './index.css';

/** Two columns of product cards with the infinite-scroll footer ("加载中…" / "没有更多了"). */
export function ProductGrid({
  items,
  member,
  loading,
  hasMore,
}: {
  items: ProductView[];
  member: boolean;
  loading: boolean;
  hasMore: boolean;
}) {
  return (
    <View>
      <View className='product-grid'>
        {items.map((product) => (
          <ProductCard key={product.id} product={product} member={member} />
        ))}
      </View>
      <Text className='product-grid__footer'>{loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</Text>
    </View>
  );
}
