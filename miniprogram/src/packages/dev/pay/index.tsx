import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { confirmSimulatedPayment, failSimulatedPayment, getSimulatedPayment } from '../../../services/api/dev-wechat';
import { toApiError } from '../../../services/api-error';
import { replace } from '../../../services/navigation';
import { resultRoute, type PaidOrderKind } from '../../../services/payment';
import './index.css';

/**
 * The H5 stand-in for the WeChat pay sheet (dev mode only). "确认支付" makes the simulator send the
 * signed payment notification to the server; the result page then waits until the order is PAID.
 */
export default function DevPayPage() {
  const { params } = useRouter();
  const outTradeNo = params.outTradeNo ?? '';
  const kind = (params.kind === 'membership' ? 'membership' : 'product') as PaidOrderKind;
  const { data, error, loading, reload } = useAsync(() => getSimulatedPayment(outTradeNo), [outTradeNo]);
  const [busy, setBusy] = useState<'confirm' | 'fail'>();

  async function finish(action: 'confirm' | 'fail') {
    setBusy(action);
    try {
      if (action === 'confirm') await confirmSimulatedPayment(outTradeNo);
      else await failSimulatedPayment(outTradeNo);
      await replace(resultRoute(kind), { orderId: params.orderId, cancelled: action === 'fail' ? 1 : undefined });
    } catch (e) {
      await Taro.showToast({ title: toApiError(e).message, icon: 'none' });
      setBusy(undefined);
    }
  }

  return (
    <View className='page dev-pay'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        {data && (
          <View className='dev-pay__sheet' data-testid='dev-pay'>
            <Text className='dev-pay__badge'>开发模式 · 模拟微信支付</Text>
            <Text className='dev-pay__desc'>{data.description}</Text>
            <Text className='dev-pay__amount' data-testid='dev-pay-amount'>
              {formatFen(data.amountFen)}
            </Text>
            <View className='dev-pay__row'>
              <Text className='muted'>商户订单号</Text>
              <Text className='dev-pay__mono'>{data.outTradeNo}</Text>
            </View>
            <View className='dev-pay__row'>
              <Text className='muted'>支付方式</Text>
              <Text>零钱（模拟）</Text>
            </View>
            <Button
              type='success'
              block
              loading={busy === 'confirm'}
              disabled={Boolean(busy)}
              onClick={() => finish('confirm')}
              data-testid='dev-pay-confirm'
            >
              确认支付
            </Button>
            <Button
              block
              fill='none'
              disabled={Boolean(busy)}
              onClick={() => finish('fail')}
              data-testid='dev-pay-fail'
            >
              取消支付
            </Button>
          </View>
        )}
      </PageState>
    </View>
  );
}
