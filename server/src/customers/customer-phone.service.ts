import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, PhoneNumberView } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_MINI_PROGRAM, WechatMiniProgramGateway } from '../wechat/mini-program/mini-program-gateway';
import { Customer } from './customer.entity';

/**
 * The customer's phone number, which the staff call list needs, from WeChat's phone-number button (手机号快速验证):
 * the server exchanges the button's one-time code with `getuserphonenumber`; the client never sends a number.
 */
@Injectable()
export class CustomerPhoneService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(WECHAT_MINI_PROGRAM) private readonly wechat: WechatMiniProgramGateway,
  ) {}

  async current(customerId: number): Promise<{ phone: string | null }> {
    const customer = await this.transactions.run((manager) => manager.findOneByOrFail(Customer, { id: customerId }));
    return { phone: customer.phone };
  }

  async verify(customerId: number, code: string): Promise<PhoneNumberView> {
    let phone: string;
    try {
      phone = (await this.wechat.getUserPhoneNumber(code)).purePhoneNumber;
    } catch (error) {
      // 40029: the code is invalid or used (each button press gives one code, valid once for five minutes).
      if (error instanceof WechatApiError && error.status < 500)
        throw badRequest(ErrorCode.PHONE_CODE_INVALID, '手机号验证已失效，请重新授权');
      throw error;
    }
    await this.transactions.run((manager) => manager.update(Customer, { id: customerId }, { phone }));
    return { phone };
  }
}
