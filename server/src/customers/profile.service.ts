import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, MAX_AVATAR_BYTES, MyProfileView } from '@member-commerce/shared';
import { badRequest, DomainError, notFound } from '../common/domain-error';
import { MediaService } from '../media/media.service';
import { Customer } from './customer.entity';

/** Avatars are shown at most this size (a 2x phone avatar). */
const AVATAR_SIDE = 256;

const toProfileView = (customer: Customer): MyProfileView => ({
  nickname: customer.nickname,
  avatarUrl: customer.avatarUrl,
});

/** The customer's own nickname and avatar (头像昵称填写 on weapp, a text field and a file picker on H5). */
@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    private readonly media: MediaService,
  ) {}

  async get(customerId: number): Promise<MyProfileView> {
    return toProfileView(await this.getOrThrow(customerId));
  }

  async rename(customerId: number, nickname: string): Promise<MyProfileView> {
    const trimmed = nickname.trim();
    if (!trimmed) throw badRequest(ErrorCode.VALIDATION_FAILED, 'nickname must not be blank');
    await this.getOrThrow(customerId);
    await this.customers.update({ id: customerId }, { nickname: trimmed });
    return this.get(customerId);
  }

  /** Image bytes (JPEG or PNG, ≤ 2 MB), re-encoded small and stored with the shop's pictures. */
  async setAvatar(customerId: number, body: unknown): Promise<MyProfileView> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the avatar bytes as image/jpeg or image/png', 415);
    }
    if (body.length > MAX_AVATAR_BYTES)
      throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'An avatar may be at most 2 MB', 413);
    await this.getOrThrow(customerId);
    const jpeg = await this.media.reencodePhoto(body, AVATAR_SIDE);
    const stored = await this.media.store(jpeg);
    await this.customers.update({ id: customerId }, { avatarUrl: stored.url });
    return this.get(customerId);
  }

  private async getOrThrow(customerId: number): Promise<Customer> {
    const customer = await this.customers.findOneBy({ id: customerId });
    if (!customer) throw notFound(ErrorCode.NOT_FOUND, `Customer ${customerId} not found`);
    return customer;
  }
}
