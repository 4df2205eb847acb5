import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { PageState } from '../../../components/page-state';
import { ProductGrid } from '../../../components/product-grid';
import { useAsync } from '../../../hooks/use-async';
import { useProductPages } from '../../../hooks/use-product-pages';
import { useIsMember } from '../../../hooks/use-viewer-membership';
import { Routes } from '../../../routes';
import { listCategories } from '../../../services/api/catalog';
import { go } from '../../../services/navigation';
import './index.css';

export default function SearchPage() {
  const { params } = useRouter();
  const [text, setText] = useState(decodeURIComponent(params.q ?? ''));
  const [q, setQ] = useState(text.trim());
  const member = useIsMember();
  const results = useProductPages({ q }, q !== '');
  const categories = useAsync(() => listCategories(), []);

  const submit = (value = text) => setQ(value.trim());

  return (
    <View className='page search'>
      <View className='search__bar'>
        <Input
          className='search__input'
          data-testid='search-input'
          value={text}
          placeholder='搜索商品，如：车厘子、大米'
          confirmType='search'
          focus={!q}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Text className='search__go' data-testid='search-submit' onClick={() => submit()}>
          搜索
        </Text>
      </View>
      {q === '' ? (
        <View className='search__hints'>
          <Text className='search__hints-title'>按分类逛逛</Text>
          <View className='search__chips'>
            {(categories.data ?? []).map((c) => (
              <View key={c.name} className='chip' onClick={() => go(Routes.category, { name: c.name })}>
                {c.name}
              </View>
            ))}
          </View>
        </View>
      ) : (
        <PageState
          loading={results.loading}
          error={results.error}
          hasData={results.loaded}
          onRetry={results.reload}
          empty={results.loaded && results.items.length === 0}
          emptyText={`没有找到与“${q}”相关的商品，换个词试试`}
        >
          <Text className='search__count' data-testid='search-count'>
            共 {results.total} 件商品
          </Text>
          <ProductGrid items={results.items} member={member} loading={results.loading} hasMore={results.hasMore} />
        </PageState>
      )}
    </View>
  );
}
