import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { mediaThumbUrl, mediaUrl } from '../../utils/media';
import './index.css';

const palette = ['#e9dcc6', '#dde6d5', '#e6d8df', '#d7e0ea', '#efe2cf'];

interface Props {
  src?: string;
  title: string;
  className?: string;
  /** Load the stored thumbnail (cards, lists) rather than the full picture. */
  thumb?: boolean;
}

/** Product picture with a calm placeholder (first character of the title) when there is none or it fails. */
export function ProductImage({ src, title, className = '', thumb = false }: Props) {
  const [failed, setFailed] = useState(false);
  const bg = palette[(title.charCodeAt(0) || 0) % palette.length];
  return (
    <View className={`product-image ${className}`} style={{ background: bg }}>
      <Text className='product-image__glyph'>{title.slice(0, 1)}</Text>
      {src && !failed && (
        <Image
          className='product-image__img'
          src={(thumb ? mediaThumbUrl(src) : mediaUrl(src)) ?? ''}
          mode='aspectFill'
          lazyLoad
          onError={() => setFailed(true)}
        />
      )}
    </View>
  );
}
