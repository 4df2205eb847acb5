import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, WechatLoginResponse } from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { WECHAT_GATEWAY, WechatGateway, WechatSession } from '../wechat/wechat-gateway';
import { Customer } from './customer.entity';

/** `wx.login` code → code2Session → our own token. The session_key stays in this process. */
@Injectable()
export class CustomerAuthService {
  private readonly logger = new Logger(CustomerAuthService.name);

  constructor(
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(code: string): Promise<WechatLoginResponse> {
    const session = await this.exchange(code);
    const customer = await this.findOrCreate(session, nicknameFromCode(code));
    const token = await this.jwt.signAsync(
      { sub: customer.id, typ: 'customer' },
      { expiresIn: this.config.customerTokenTtlSeconds },
    );
    return { token, customer: { id: customer.id, nickname: customer.nickname } };
  }

  private async exchange(code: string): Promise<WechatSession> {
    try {
      return await this.wechat.code2Session(code);
    } catch (error) {
      this.logger.warn(`code2Session failed: ${(error as Error).message}`);
      throw new DomainError(
        ErrorCode.WECHAT_LOGIN_FAILED,
        'WeChat login failed, please retry',
        HttpStatus.UNAUTHORIZED,
      );
    }
  }

  /**
   * Two first logins racing for one openid: the unique index picks one, the other reads it back. The insert
   * runs in its own transaction (on SQLite's single connection a bare write could join someone else's).
   */
  private async findOrCreate(session: WechatSession, nickname: string): Promise<Customer> {
    const existing = await this.customers.findOneBy({ openid: session.openid });
    if (existing) return existing;
    try {
      return await this.transactions.run((manager) =>
        manager.save(
          manager.create(Customer, { openid: session.openid, unionid: session.unionid ?? null, nickname, phone: null }),
        ),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.customers.findOneByOrFail({ openid: session.openid });
    }
  }
}

/** Dev codes name their customer ("dev:alice" → "alice"); real WeChat users start as "微信用户". */
function nicknameFromCode(code: string): string {
  return code.startsWith('dev:') ? code.slice(4, 68) || '微信用户' : '微信用户';
}
