import type { GiftPackSummary } from './catalog';
import type { OrderView } from './orders';
import type { WechatMode } from './enums';

/** `GET /api/client-config`: what a client needs before it can talk to WeChat. */
export interface ClientConfig {
  wechatMode: WechatMode;
  /** Subscribe-message templates the storefront asks consent for (renewal reminders). */
  subscribeTemplateIds: string[];
  /** The shop's IANA time zone: the apps show dates and days in it (shop-calendar.ts). */
  shopTimeZone: string;
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

/** LOCKED: spend not reached yet; REACHED: reached but no pack to claim; CLAIMABLE; CLAIMED (see `orderId`). */
export type GiftStatus = 'LOCKED' | 'REACHED' | 'CLAIMABLE' | 'CLAIMED';

/** One spend milestone as the member sees it. */
export interface MilestoneGiftView {
  milestoneId: number;
  title: string;
  thresholdFen: number;
  /** Spend still missing (0 once reached). */
  remainingFen: number;
  status: GiftStatus;
  giftPack?: GiftPackSummary | null;
  /** The gift order, once claimed. */
  orderId?: number | null;
}

/** The welcome gift of the current term. NONE: the tier offers none (or the term carries over). */
export interface WelcomeGiftView {
  status: 'NONE' | 'CLAIMABLE' | 'CLAIMED';
  title: string;
  orderId?: number | null;
  giftPack?: GiftPackSummary | null;
}

/** `GET /api/me/gift-packs` */
export interface MyGiftPacksView {
  /** An active member; otherwise the storefront shows the join offer. */
  member: boolean;
  /** Counted spend of the member's run of terms (0 for non-members). */
  spendFen: number;
  welcome: WelcomeGiftView | null;
  /** Every milestone, lowest threshold first. */
  milestones: MilestoneGiftView[];
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

/** `GET /api/me/service-contact`: the SERVICE benefit's contact, when the member's current term holds it. */
export interface ServiceContactView {
  title: string;
  description: string;
  phone?: string | null;
  wechatId?: string | null;
}

/** `GET /api/me/service-contact`: the SERVICE benefit's contact when the current term holds it. */
export interface MyServiceContactView {
  contact: ServiceContactView | null;
}

/** `GET /api/me/phone`: the customer's verified phone number, if any. */
export interface MyPhoneView {
  phone: string | null;
}
