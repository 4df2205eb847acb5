import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AddressSnapshot, AddressView, ErrorCode } from '@member-commerce/shared';
import { badRequest, notFound } from '../common/domain-error';
import type { RowRead } from '../database/rows';
import { Transactions } from '../database/transactions';
import { Address } from './address.entity';
import { AddressDto, UpdateAddressDto } from './dto/address.dto';
import { isKnownRegion, Region } from './region';

function assertKnownRegion(region: Region): void {
  if (!isKnownRegion(region)) {
    throw badRequest(
      ErrorCode.ADDRESS_REGION_UNKNOWN,
      `${region.province} ${region.city} ${region.district} is not a known province / city / district`,
    );
  }
}

const toAddressView = (address: Address): AddressView => ({
  id: address.id,
  name: address.name,
  phone: address.phone,
  province: address.province,
  city: address.city,
  district: address.district,
  detail: address.detail,
  isDefault: address.isDefault,
});

export const toAddressSnapshot = ({ name, phone, province, city, district, detail }: Address): AddressSnapshot => ({
  name,
  phone,
  province,
  city,
  district,
  detail,
});

export function ownAddressOrThrow(address: Address | null, id: number): Address {
  if (!address) throw notFound(ErrorCode.ADDRESS_NOT_FOUND, `Address ${id} not found`);
  return address;
}

/** A customer's own delivery addresses; exactly one is the default once any exists. */
@Injectable()
export class AddressesService {
  constructor(
    @InjectRepository(Address) private readonly addresses: Repository<Address>,
    private readonly transactions: Transactions,
  ) {}

  async list(customerId: number): Promise<AddressView[]> {
    const rows = await this.addresses.find({ where: { customerId }, order: { isDefault: 'DESC', id: 'DESC' } });
    return rows.map(toAddressView);
  }

  async getOwnOrThrow(customerId: number, id: number): Promise<Address> {
    return ownAddressOrThrow(await this.addresses.findOneBy({ id, customerId }), id);
  }

  /** The customer's own address as a read, for a caller that reads more in the same statement (checkout). */
  ownQuery(customerId: number, id: number): RowRead<Address> {
    return {
      target: Address,
      alias: 'address',
      where: 'address.id = ? AND address.customerId = ?',
      params: [id, customerId],
    };
  }

  /** A delivery address as frozen on an order. */
  async snapshotOf(manager: EntityManager, customerId: number, id: number): Promise<AddressSnapshot> {
    const address = await manager.findOneBy(Address, { id, customerId });
    if (!address) throw notFound(ErrorCode.ADDRESS_NOT_FOUND, `Address ${id} not found`);
    return toAddressSnapshot(address);
  }

  /** The default address (or the newest), null when the customer has none yet. */
  async defaultSnapshot(manager: EntityManager, customerId: number): Promise<AddressSnapshot | null> {
    const address = await manager.findOne(Address, { where: { customerId }, order: { isDefault: 'DESC', id: 'DESC' } });
    return address ? toAddressSnapshot(address) : null;
  }

  create(customerId: number, input: AddressDto): Promise<AddressView> {
    assertKnownRegion(input);
    return this.transactions.run(async (manager) => {
      const isFirst = (await manager.countBy(Address, { customerId })) === 0;
      const isDefault = isFirst || input.isDefault === true;
      if (isDefault) await this.clearDefault(manager, customerId);
      const saved = await manager.save(manager.create(Address, { ...input, customerId, isDefault }));
      return toAddressView(saved);
    });
  }

  update(customerId: number, id: number, input: UpdateAddressDto): Promise<AddressView> {
    return this.transactions.run(async (manager) => {
      const address = await manager.findOneBy(Address, { id, customerId });
      if (!address) throw notFound(ErrorCode.ADDRESS_NOT_FOUND, `Address ${id} not found`);
      if (input.province !== undefined || input.city !== undefined || input.district !== undefined)
        assertKnownRegion({
          province: input.province ?? address.province,
          city: input.city ?? address.city,
          district: input.district ?? address.district,
        });
      if (input.isDefault) await this.clearDefault(manager, customerId);
      Object.assign(address, input, { isDefault: input.isDefault ?? address.isDefault });
      return toAddressView(await manager.save(address));
    });
  }

  remove(customerId: number, id: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      const address = await manager.findOneBy(Address, { id, customerId });
      if (!address) throw notFound(ErrorCode.ADDRESS_NOT_FOUND, `Address ${id} not found`);
      await manager.delete(Address, { id });
      if (address.isDefault) {
        const next = await manager.findOne(Address, { where: { customerId }, order: { id: 'DESC' } });
        if (next) await manager.update(Address, { id: next.id }, { isDefault: true });
      }
    });
  }

  private async clearDefault(manager: EntityManager, customerId: number): Promise<void> {
    const current = await manager.findOneBy(Address, { customerId, isDefault: true });
    if (current) await manager.update(Address, { id: current.id }, { isDefault: false });
  }
}
