import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import { IsString, Length } from 'class-validator';
import type { PhoneNumberView } from '@member-commerce/shared';
import type { MyPhoneResponse } from '../openapi/response-types';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CustomerPhoneService } from './customer-phone.service';

export class VerifyPhoneDto {
  @ApiProperty({
    description: 'The code of <button open-type="getPhoneNumber"> (bindgetphonenumber event detail.code)',
  })
  @IsString()
  @Length(1, 128)
  code: string;
}

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/phone')
export class CustomerPhoneController {
  constructor(private readonly phones: CustomerPhoneService) {}

  @Get()
  @ApiOperation({
    summary: 'Whether the customer has given a phone number (asked once, at membership purchase, optional)',
    operationId: 'getMyPhone',
  })
  @ApiResponseOf('MyPhoneResponse')
  getMyPhone(@CurrentCustomerId() customerId: number): Promise<MyPhoneResponse> {
    return this.phones.current(customerId);
  }

  @Post()
  @HttpCode(200)
  @RateLimit('sensitive')
  @ApiOperation({
    summary: "Exchange the phone-number button's code with WeChat (getuserphonenumber) and keep the number",
    operationId: 'verifyMyPhone',
  })
  @ApiResponseOf('PhoneNumberView')
  verifyMyPhone(@CurrentCustomerId() customerId: number, @Body() dto: VerifyPhoneDto): Promise<PhoneNumberView> {
    return this.phones.verify(customerId, dto.code);
  }
}
