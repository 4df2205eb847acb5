import { Text, View } from '@tarojs/components';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import './index.css';

/** The search box on home: opens the search page; "分类" opens the category page. */
export function SearchEntry() {
  return (
    <View className='search-entry'>
      <View className='search-entry__box' data-testid='search-entry' onClick={() => go(Routes.search)}>
        <View className='search-entry__icon' />
        <Text className='search-entry__placeholder'>搜索商品</Text>
      </View>
      <Text className='search-entry__category' data-testid='category-entry' onClick={() => go(Routes.category)}>
        分类
      </Text>
    </View>
  );
}
