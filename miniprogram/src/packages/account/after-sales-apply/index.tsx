import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { AFTER_SALES_REASONS, AfterSalesType, formatFen, yuanToFen, type UploadedPhoto } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { createAfterSales } from '../../../services/api/after-sales';
import { getOrder } from '../../../services/api/orders';
import { toApiError } from '../../../services/api-error';
import { back } from '../../../services/navigation';
import { assertId } from '../../../services/payment';
import { photoSrc, pickAndUploadPhotos } from '../../../services/photo-picker';
import { Routes } from '../../../routes';
import { afterSalesTypeLabel } from '../../../utils/format';
import { PrivacyPopup } from '../../../components/privacy-popup';
import './index.css';

const MAX_PHOTOS = 6;

export default function AfterSalesApplyPage() {
  const { params } = useRouter();
  const { data: order, error, loading, reload } = useAsync(() => getOrder(assertId(params.orderId)), [params.orderId]);
  const [type, setType] = useState<AfterSalesType>(AfterSalesType.REFUND_ONLY);
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [amountYuan, setAmountYuan] = useState('');
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const refundableFen = order?.afterSales?.refundableFen ?? 0;
  const canApply = order?.afterSales?.canApply === true;

  async function addPhotos() {
    if (!order) return;
    try {
      const added = await pickAndUploadPhotos(order.id, MAX_PHOTOS - photos.length);
      setPhotos((current) => [...current, ...added].slice(0, MAX_PHOTOS));
    } catch (e) {
      const message = (e as { errMsg?: string }).errMsg?.includes('cancel') ? '' : toApiError(e).message;
      if (message) await Taro.showToast({ title: message, icon: 'none' });
    }
  }

  async function submit() {
    if (!order) return;
    if (!reason) return Taro.showToast({ title: '请选择售后原因', icon: 'none' });
    const amountFen = amountYuan.trim() ? yuanToFen(Number(amountYuan)) : refundableFen;
    if (!Number.isFinite(amountFen) || amountFen <= 0 || amountFen > refundableFen) {
      return Taro.showToast({ title: `退款金额需在 ¥0.01 至 ${formatFen(refundableFen)} 之间`, icon: 'none' });
    }
    setBusy(true);
    try {
      await createAfterSales(order.id, {
        type,
        reason,
        description: description.trim() || undefined,
        photos: photos.map((p) => p.name),
        amountFen,
      });
      await Taro.showToast({ title: '已提交，客服会尽快处理', icon: 'none' });
      setTimeout(() => back(Routes.afterSales), 600);
    } catch (e) {
      await Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page page--with-bar after-sales-apply'>
      <PageState loading={loading} error={error} hasData={Boolean(order)} onRetry={reload}>
        {order && !canApply && (
          <View className='card' data-testid='after-sales-not-allowed'>
            <Text>该订单当前不能申请售后：只有已付款、尚有可退金额且没有处理中申请的商品订单可以申请。</Text>
          </View>
        )}
        {order && canApply && (
          <>
            <View className='card'>
              <Text className='card__title'>售后类型</Text>
              <View className='after-sales-apply__chips'>
                {Object.values(AfterSalesType).map((t) => (
                  <Text key={t} className={`chip ${type === t ? 'chip--active' : ''}`} onClick={() => setType(t)}>
                    {afterSalesTypeLabel[t]}
                  </Text>
                ))}
              </View>
              <Text className='muted'>
                {type === 'RETURN_REFUND' ? '审核通过后寄回商品，签收后退款' : '未收到货或无需退回商品'}
              </Text>
            </View>
            <View className='card'>
              <Text className='card__title'>售后原因</Text>
              <View className='after-sales-apply__chips' data-testid='after-sales-reasons'>
                {AFTER_SALES_REASONS.map((r) => (
                  <Text key={r} className={`chip ${reason === r ? 'chip--active' : ''}`} onClick={() => setReason(r)}>
                    {r}
                  </Text>
                ))}
              </View>
            </View>
            <View className='card'>
              <View className='field'>
                <Text className='field__label'>退款金额</Text>
                <Input
                  className='field__input'
                  type='digit'
                  value={amountYuan}
                  placeholder={`最多 ${formatFen(refundableFen)}`}
                  onInput={(e) => setAmountYuan(e.detail.value)}
                  data-testid='after-sales-amount'
                />
              </View>
              <Textarea
                className='after-sales-apply__description'
                value={description}
                maxlength={500}
                placeholder='补充描述（选填）：问题详情、商品情况'
                onInput={(e) => setDescription(e.detail.value)}
              />
              <View className='after-sales-apply__photos'>
                {photos.map((p) => (
                  <View key={p.name} className='after-sales-apply__photo-wrap'>
                    <Image className='after-sales-apply__photo' src={photoSrc(p.url)} mode='aspectFill' />
                    <Text
                      className='after-sales-apply__photo-remove'
                      onClick={() => setPhotos(photos.filter((x) => x.name !== p.name))}
                    >
                      ×
                    </Text>
                  </View>
                ))}
                {photos.length < MAX_PHOTOS && (
                  <View
                    className='after-sales-apply__photo-add'
                    onClick={addPhotos}
                    data-testid='after-sales-add-photo'
                  >
                    <Text className='after-sales-apply__plus'>+</Text>
                    <Text className='muted'>上传凭证</Text>
                  </View>
                )}
              </View>
              <Text className='muted'>最多 {MAX_PHOTOS} 张，每张不超过 2MB（JPG/PNG/WebP）</Text>
            </View>
          </>
        )}
      </PageState>
      {order && canApply && (
        <View className='action-bar'>
          <View className='action-bar__summary'>
            <Text className='muted'>可退金额 {formatFen(refundableFen)}</Text>
          </View>
          <Button type='primary' loading={busy} disabled={busy} onClick={submit} data-testid='after-sales-submit'>
            提交申请
          </Button>
        </View>
      )}
      <PrivacyPopup />
    </View>
  );
}
