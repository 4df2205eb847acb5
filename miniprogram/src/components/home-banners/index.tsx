import { Image, Swiper, SwiperItem, View } from '@tarojs/components';
import type { BannerView } from '@member-commerce/shared';
import { useAsync } from '../../hooks/use-async';
import { Routes, type Route } from '../../routes';
import { listBanners } from '../../services/api/discovery';
import { go } from '../../services/navigation';
import { mediaUrl } from '../../utils/media';
import './index.css';

function open(banner: BannerView) {
  switch (banner.linkType) {
    case 'PRODUCT':
      return go(Routes.product, { id: banner.linkTarget });
    case 'CATEGORY':
      return go(Routes.category, { name: banner.linkTarget });
    case 'PAGE': {
      const [path, query = ''] = banner.linkTarget.split('?');
      const route = Object.values(Routes).find((r) => r === path) as Route | undefined;
      if (!route) return undefined;
      // No URLSearchParams in the mini-program runtime.
      const params = Object.fromEntries(
        query
          .split('&')
          .filter(Boolean)
          .map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
      );
      return go(route, params);
    }
    default:
      return undefined;
  }
}

/** The staff-managed home banners (`GET /api/banners`); nothing at all when there are none. */
export function HomeBanners() {
  const { data } = useAsync(() => listBanners(), [], { onShow: true });
  if (!data?.length) return null;
  return (
    <View className='home-banners' data-testid='home-banners'>
      <Swiper
        className='home-banners__swiper'
        circular
        autoplay={data.length > 1}
        interval={4000}
        indicatorDots={data.length > 1}
        indicatorActiveColor='#ffffff'
      >
        {data.map((banner) => (
          <SwiperItem key={banner.id} onClick={() => open(banner)}>
            <Image className='home-banners__image' src={mediaUrl(banner.image) ?? ''} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>
    </View>
  );
}
