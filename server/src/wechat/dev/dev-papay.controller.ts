import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
} from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../../openapi/api-response.decorator';
import { IsBoolean } from 'class-validator';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { papayContractCodePrefix } from '../papay/papay-wire';
import type { SimulatedPapayContract, SimulatedPapayNotice } from './papay-store';
import type { NotifyStatusResponse, PapayBalanceResponse } from '../../openapi/response-types';
import { PapaySimulator } from './papay-simulator';
import { SignedNotification, SimulatedWechatError, WechatSimulator } from './wechat-simulator';

export class PapayBalanceDto {
  @ApiProperty({ description: 'true: the user cannot pay, every charge of this contract fails (NOT_ENOUGH)' })
  @IsBoolean()
  insufficient: boolean;
}

/**
 * The simulator's 委托代扣 routes (dev mode only): the customer confirms or ends a contract in "WeChat", and tests
 * make charges fail or read the pre-deduction notices WeChat showed. `:contractId` is the shop's contract id.
 */
@ApiTags('dev: WeChat simulator')
@Controller('dev/wechat/papay')
export class DevPapayController {
  constructor(
    private readonly papay: PapaySimulator,
    private readonly simulator: WechatSimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':contractId/sign')
  @HttpCode(200)
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'The customer signs the deduction contract in WeChat; the contract notification is delivered',
    operationId: 'devSignContract',
  })
  @ApiResponseOf('NotifyStatusResponse')
  async signContract(@Param('contractId', ParseIntPipe) contractId: number): Promise<NotifyStatusResponse> {
    const contract = await this.contractOf(contractId);
    const { notification, notifyUrl } = await this.simulated(() => this.papay.sign(contract.outContractCode));
    return { notifyStatus: await this.deliver(notifyUrl, notification) };
  }

  @Post(':contractId/terminate')
  @HttpCode(200)
  @RateLimit('sensitive')
  @ApiOperation({
    summary: 'The customer turns the deduction off in WeChat; the termination notification is delivered',
    operationId: 'devTerminateInWechat',
  })
  @ApiResponseOf('NotifyStatusResponse')
  async terminateInWechat(@Param('contractId', ParseIntPipe) contractId: number): Promise<NotifyStatusResponse> {
    const contract = await this.contractOf(contractId);
    const { notification, notifyUrl } = await this.simulated(() =>
      this.papay.terminateByUser(contract.outContractCode),
    );
    return { notifyStatus: await this.deliver(notifyUrl, notification) };
  }

  @Post(':contractId/balance')
  @HttpCode(200)
  @ApiOperation({
    summary: "Tests: make this contract's charges fail (insufficient balance) or succeed again",
    operationId: 'devSetBalance',
  })
  @ApiResponseOf('PapayBalanceResponse')
  async setBalance(
    @Param('contractId', ParseIntPipe) contractId: number,
    @Body() dto: PapayBalanceDto,
  ): Promise<PapayBalanceResponse> {
    const contract = await this.contractOf(contractId);
    await this.papay.setChargesFail(contract.outContractCode, dto.insufficient);
    return { insufficient: dto.insufficient };
  }

  @Get(':contractId/notices')
  @ApiOperation({
    summary: 'Pre-deduction notices WeChat showed for this contract, newest first',
    operationId: 'devListNotices',
  })
  @ApiResponseOf('SimulatedPapayNotice', { isArray: true })
  async listNotices(@Param('contractId', ParseIntPipe) contractId: number): Promise<SimulatedPapayNotice[]> {
    const contract = await this.contractOf(contractId);
    return contract.contractId ? this.papay.notices(contract.contractId) : [];
  }

  private async contractOf(contractId: number): Promise<SimulatedPapayContract> {
    const contract = await this.papay.findByCodePrefix(papayContractCodePrefix(contractId));
    if (!contract)
      throw new NotFoundException({ code: 'NOT_FOUND', message: `WeChat has no contract for ${contractId}` });
    return contract;
  }

  private deliver(url: string, notification: SignedNotification): Promise<number> {
    // The contract's notify URL was built from PUBLIC_URL when it was pre-signed; deliver to this server's now.
    const target = new URL(new URL(url).pathname, this.config.publicUrl).toString();
    return this.simulator.deliverNotification(target, notification);
  }

  private async simulated<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SimulatedWechatError) {
        if (error.status === 404) throw new NotFoundException({ code: 'NOT_FOUND', message: error.message });
        throw new ConflictException({ code: String(error.code), message: error.message });
      }
      throw error;
    }
  }
}
