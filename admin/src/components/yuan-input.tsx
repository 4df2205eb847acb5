import { InputNumber, type InputNumberProps } from 'antd';

/**
 * Staff type yuan (two decimals); forms convert with `yuanToFen` before sending, and show stored fen
 * with `fen / 100` as the initial value.
 */
export function YuanInput(props: Omit<InputNumberProps<number>, 'precision' | 'prefix'>) {
  return <InputNumber<number> min={0} step={1} precision={2} prefix="¥" style={{ width: '100%' }} {...props} />;
}
