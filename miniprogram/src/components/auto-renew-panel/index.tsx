import { Text, View } from '@tarojs/components';
import { formatFen, type TierView } from '@member-commerce/shared';
import { useAutoRenew } from '../../hooks/use-auto-renew';
import { isH5 } from '../../services/env';
import { formatDate, termLabel } from '../../utils/format';
import { Button } from '../nut';
import './index.css';

const CANCELLED_BY: Record<string, string> = {
  CUSTOMER: '你已取消自动续费',
  WECHAT: '你已在微信中关闭自动续费',
  LAPSED: '续费扣款未成功，自动续费已停止',
  STAFF: '自动续费已关闭',
};

/**
 * Auto-renew on the join and membership pages: opt in (sign WeChat's deduction contract), what the next charge
 * will be and when, the grace period after a failed renewal (宽限期), and cancel any time.
 */
export function AutoRenewPanel({ tier }: { tier: TierView | undefined }) {
  const { data, busy, optIn, cancel, confirmInSimulator, canSimulate } = useAutoRenew();
  if (!data) return null;
  const offered = tier?.autoRenewPriceFen ?? null;
  const status = data.status;

  return (
    <View className='card auto-renew' data-testid='auto-renew'>
      {data.graceUntil && (
        <View className='auto-renew__grace' data-testid='auto-renew-grace'>
          <Text className='auto-renew__grace-title'>宽限期</Text>
          <Text>续费扣款未成功，会员价保留至 {formatDate(data.graceUntil)}，请在此之前续费，逾期会员将到期。</Text>
        </View>
      )}
      <Text className='card__title'>自动续费</Text>
      {status === 'ACTIVE' && (
        <View className='auto-renew__body' data-testid='auto-renew-active'>
          <Text className='auto-renew__state'>
            已开通 · {formatFen(data.amountFen ?? 0)}
            {tier ? ` / ${termLabel(tier)}` : ' / 期'}
          </Text>
          {data.nextChargeAt && (
            <Text className='muted'>下次扣款：{formatDate(data.nextChargeAt)}，扣款前 5 天会通知你</Text>
          )}
          {data.notice && (
            <Text className='auto-renew__notice'>
              扣款提醒：将于 {formatDate(data.notice.chargeAt)} 自动扣款 {formatFen(data.notice.amountFen)}
              ，不需要可在此取消
            </Text>
          )}
          <Button size='small' fill='outline' disabled={busy} onClick={cancel} data-testid='auto-renew-cancel'>
            取消自动续费
          </Button>
        </View>
      )}
      {status === 'PENDING_SIGN' && (
        <View className='auto-renew__body'>
          <Text className='auto-renew__state'>等待在微信中确认签约</Text>
          {isH5 && canSimulate && (
            <Button
              size='small'
              type='primary'
              disabled={busy}
              onClick={confirmInSimulator}
              data-testid='auto-renew-simulate-sign'
            >
              模拟微信确认签约（开发环境）
            </Button>
          )}
          {offered !== null && tier && (
            <Button size='small' fill='outline' disabled={busy} onClick={() => optIn(tier.id)}>
              重新发起签约
            </Button>
          )}
        </View>
      )}
      {(status === 'NONE' || status === 'CANCELLED') && (
        <View className='auto-renew__body'>
          {status === 'CANCELLED' && data.cancelledBy && (
            <Text className='muted'>{CANCELLED_BY[data.cancelledBy]}</Text>
          )}
          {offered !== null && tier ? (
            <>
              <Text className='auto-renew__state'>
                到期自动续费 {formatFen(offered)} / {termLabel(tier)}
              </Text>
              <Text className='muted'>
                到期前 1 天通过微信支付自动扣款，扣款前 5 天通知金额和日期，可随时在会员页取消。
              </Text>
              <Button
                size='small'
                type='primary'
                disabled={busy}
                onClick={() => optIn(tier.id)}
                data-testid='auto-renew-opt-in'
              >
                开通自动续费
              </Button>
            </>
          ) : (
            <Text className='muted'>该会员卡暂不支持自动续费</Text>
          )}
        </View>
      )}
    </View>
  );
}
