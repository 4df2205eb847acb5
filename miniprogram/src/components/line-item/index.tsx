import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Price } from '../price';
import { ProductImage } from '../product-image';
import './index.css';

interface Props {
  title: string;
  subtitle?: string;
  image?: string | null;
  unitPriceFen: number;
  unitListPriceFen?: number;
  memberPrice?: boolean;
  quantity?: number;
  problem?: string;
  extra?: ReactNode;
  onClick?: () => void;
}

/** One product line (cart, checkout, order): picture, name, price as charged, list price struck. */
export function LineItem(props: Props) {
  const { unitPriceFen, unitListPriceFen } = props;
  return (
    <View className='line-item' onClick={props.onClick}>
      <ProductImage className='line-item__image' src={props.image ?? undefined} title={props.title} />
      <View className='line-item__body'>
        <Text className='line-item__title'>{props.title}</Text>
        {props.subtitle && <Text className='line-item__subtitle'>{props.subtitle}</Text>}
        {props.problem && <Text className='line-item__problem'>{props.problem}</Text>}
        <View className='line-item__bottom'>
          <View className='line-item__prices'>
            {props.memberPrice && <Text className='line-item__tag'>会员价</Text>}
            <Price fen={unitPriceFen} size='normal' />
            {unitListPriceFen !== undefined && unitListPriceFen > unitPriceFen && (
              <Price fen={unitListPriceFen} size='small' tone='muted' strike />
            )}
          </View>
          {props.extra ?? (props.quantity !== undefined && <Text className='line-item__qty'>×{props.quantity}</Text>)}
        </View>
      </View>
    </View>
  );
}
