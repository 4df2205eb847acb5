import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import type {
  AdminAutoRenewContract,
  AutoRenewCancelledBy,
  AutoRenewContractStatus,
  AutoRenewCycleStatus,
  AutoRenewRunResult,
  AutoRenewStatus,
  MyAutoRenewView,
  PapaySignParams,
  StartAutoRenewResponse,
} from '@member-commerce/shared';

export class StartAutoRenewDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  tierId: number;
}

export class RunAutoRenewDto {
  @ApiPropertyOptional({
    example: '2026-12-01T02:00:00Z',
    description: 'Dev mode only: run the pass as if at this time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;
}

class AutoRenewNoticeDto {
  @ApiProperty() amountFen: number;
  @ApiProperty() chargeAt: string;
  @ApiProperty() sentAt: string;
}

export class MyAutoRenewDto implements MyAutoRenewView {
  @ApiProperty({ enum: ['NONE', 'PENDING_SIGN', 'ACTIVE', 'CANCELLED'] }) status: AutoRenewStatus;
  @ApiPropertyOptional() tierId?: number;
  @ApiPropertyOptional() amountFen?: number;
  @ApiPropertyOptional() nextChargeAt?: string;
  @ApiPropertyOptional({ description: 'Member prices kept until then (宽限期) after a failed renewal' })
  graceUntil?: string;
  @ApiPropertyOptional({ enum: ['CUSTOMER', 'WECHAT', 'LAPSED', 'STAFF'] }) cancelledBy?: AutoRenewCancelledBy;
  @ApiPropertyOptional({ type: AutoRenewNoticeDto }) notice?: AutoRenewNoticeDto;
}

class PapaySignParamsDto implements PapaySignParams {
  @ApiProperty({ example: 'wxbd687630cd02ce1d' }) appId: string;
  @ApiProperty({ example: 'pages/index/index' }) path: string;
  @ApiProperty({ example: { pre_entrustweb_id: '5778aadY9nltAsZzXixCkFIGYnV2V' } }) extraData: Record<string, string>;
}

class StartedContractDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['PENDING_SIGN'] }) status: 'PENDING_SIGN';
}

export class StartAutoRenewResponseDto implements StartAutoRenewResponse {
  @ApiProperty({ type: StartedContractDto }) contract: StartedContractDto;
  @ApiProperty({ type: PapaySignParamsDto, description: 'wx.navigateToMiniProgram({ appId, path, extraData })' })
  signParams: PapaySignParamsDto;
}

export class AutoRenewRunResultDto implements AutoRenewRunResult {
  @ApiProperty() notified: number;
  @ApiProperty() charged: number;
  @ApiProperty() failed: number;
}

class CustomerRefDto {
  @ApiProperty() id: number;
  @ApiProperty() nickname: string;
}

export class AdminAutoRenewContractDto implements AdminAutoRenewContract {
  @ApiProperty() id: number;
  @ApiProperty({ type: CustomerRefDto }) customer: CustomerRefDto;
  @ApiProperty() tierId: number;
  @ApiProperty() tierName: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ enum: ['PENDING_SIGN', 'ACTIVE', 'CANCELLED'] }) status: AutoRenewContractStatus;
  @ApiProperty({ nullable: true, type: String }) wechatContractId: string | null;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledBy: AutoRenewCancelledBy | null;
  @ApiProperty({ nullable: true, type: String }) nextChargeAt: string | null;
  @ApiProperty() failedCharges: number;
  @ApiProperty({ nullable: true, type: String }) graceUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) lastCycleStatus: AutoRenewCycleStatus | null;
}
