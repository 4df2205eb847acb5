import { useEffect, useState } from 'react';
import { Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { ProductImage } from '../../../components/product-image';

/**
 * The product's pictures in a swiper; when the picked SKU has pictures of its own they lead, so choosing
 * "10kg 家庭装" shows that bag.
 */
export function ProductGallery({ images, skuImages, title }: { images: string[]; skuImages: string[]; title: string }) {
  const pictures = [...new Set([...skuImages, ...images])];
  const [current, setCurrent] = useState(0);
  useEffect(() => setCurrent(0), [skuImages.join('|')]);

  if (pictures.length <= 1) return <ProductImage className='product__image' src={pictures[0]} title={title} />;
  return (
    <View className='product__gallery' data-testid='product-gallery'>
      <Swiper className='product__swiper' current={current} onChange={(e) => setCurrent(e.detail.current)} circular>
        {pictures.map((src) => (
          <SwiperItem key={src}>
            <ProductImage className='product__image' src={src} title={title} />
          </SwiperItem>
        ))}
      </Swiper>
      <Text className='product__gallery-count'>
        {current + 1}/{pictures.length}
      </Text>
    </View>
  );
}
