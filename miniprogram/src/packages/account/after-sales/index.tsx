import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { UNDECIDED_AFTER_SALES_STATUSES, type AfterSalesView } from '@member-commerce/shared';
import { AfterSalesCard } from '../../../components/after-sales-card';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { cancelAfterSales, listMyAfterSales } from '../../../services/api/after-sales';
import { toApiError } from '../../../services/api-error';
import { go } from '../../../services/navigation';
import { Routes } from '../../../routes';

/** The customer's refund and return requests, newest first. */
export default function AfterSalesListPage() {
  const { data, error, loading, reload } = useAsync(() => listMyAfterSales(), [], { onShow: true, pullDown: true });

  async function withdraw(request: AfterSalesView) {
    const { confirm } = await Taro.showModal({
      title: '撤销申请',
      content: '撤销后可重新申请售后',
      confirmText: '撤销',
      cancelText: '再想想',
    });
    if (!confirm) return;
    try {
      await cancelAfterSales(request.id);
      await Taro.showToast({ title: '已撤销', icon: 'none' });
    } catch (e) {
      await Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
    void reload();
  }

  return (
    <View className='page'>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.length === 0}
        emptyText='暂无售后记录'
      >
        {data?.map((request) => (
          <View key={request.id} onClick={() => go(Routes.orderDetail, { id: request.orderId })}>
            <AfterSalesCard
              request={request}
              onChanged={() => void reload()}
              actions={
                UNDECIDED_AFTER_SALES_STATUSES.includes(request.status) && (
                  <View onClick={(e) => e.stopPropagation()}>
                    <Button size='small' onClick={() => withdraw(request)} data-testid='after-sales-withdraw'>
                      撤销
                    </Button>
                  </View>
                )
              }
            />
          </View>
        ))}
      </PageState>
    </View>
  );
}
