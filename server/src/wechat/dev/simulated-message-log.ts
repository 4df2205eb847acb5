import type { SubscribeMessageInput, SubscribeMessageResult } from '../wechat-gateway';

export interface SimulatedMessage extends SubscribeMessageInput {
  sentAt: string;
  errcode: number;
}

/** Only the newest are kept: the log is for people and tests looking at recent reminders. */
const MAX_MESSAGES = 500;

/**
 * The simulator's subscribe-message endpoint: every message is logged (staff see it in dev), and a user can be
 * marked as having no consent left so WeChat's 43101 answer can be exercised.
 */
export class SimulatedMessageLog {
  private readonly messages: SimulatedMessage[] = [];
  private readonly openidsAnswering43101 = new Set<string>();

  send(input: SubscribeMessageInput, now: Date = new Date()): SubscribeMessageResult {
    const errcode = this.openidsAnswering43101.has(input.openid) ? 43101 : 0;
    this.messages.unshift({ ...input, sentAt: now.toISOString(), errcode });
    if (this.messages.length > MAX_MESSAGES) this.messages.pop();
    return errcode ? { errcode, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' };
  }

  refuseFor(openid: string): void {
    this.openidsAnswering43101.add(openid);
  }

  /** Newest first. */
  list(): SimulatedMessage[] {
    return [...this.messages];
  }
}
