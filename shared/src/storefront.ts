import type { GiftPackSummary } from './catalog';
import type { OrderView } from './orders';
import type { WechatMode } from './enums';

/** `GET /api/client-config`: what a client needs before it can talk to WeChat. */
export interface ClientConfig {
  wechatMode: WechatMode;
  /** Subscribe-message templates the storefront asks consent for (renewal reminders). */
  subscribeTemplateIds: string[];
}

/** `POST /api/me/consents`: the templates the customer accepted in `requestSubscribeMessage`. */
export interface RecordConsentsRequest {
  templateIds: string[];
}

export interface ConsentCreditsView {
  credits: Record<string, number>;
}

export type GiftClaimSource = 'WELCOME' | 'MILESTONE';

/** A gift the member may claim now: the welcome pack not chosen at purchase, or a reached milestone. */
export interface ClaimableGiftView {
  source: GiftClaimSource;
  termId: number;
  milestoneId?: number;
  title: string;
  options: GiftPackSummary[];
}

/** `GET /api/me/gift-packs` */
export interface MyGiftPacksView {
  claimable: ClaimableGiftView[];
  /** GIFT orders already created for fulfilment. */
  orders: OrderView[];
}

/** `POST /api/me/gift-packs/claim` */
export interface ClaimGiftPackRequest {
  source: GiftClaimSource;
  termId: number;
  milestoneId?: number;
  giftPackId: number;
  /** Where the gift goes (default: the customer's default address). */
  addressId?: number;
}
