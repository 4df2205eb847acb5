import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { AddressView, WechatLoginResponse } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { LimitFailedAttempts } from '../common/rate-limit/rate-limit.decorator';
import { AddressesService } from './addresses.service';
import { CustomerAuthService } from './customer-auth.service';
import { AddressDto, UpdateAddressDto } from './dto/address.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';

@ApiTags('auth')
@Controller('auth')
export class CustomerAuthController {
  constructor(private readonly auth: CustomerAuthService) {}

  @Post('wechat-login')
  @LimitFailedAttempts()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a wx.login code for a session token', operationId: 'wechatLogin' })
  @ApiResponseOf('WechatLoginResponse')
  wechatLogin(@Body() dto: WechatLoginDto): Promise<WechatLoginResponse> {
    return this.auth.login(dto.code);
  }
}

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @ApiOperation({ summary: 'My delivery addresses, default first', operationId: 'listAddresses' })
  @ApiResponseOf('AddressView', { isArray: true })
  listAddresses(@CurrentCustomerId() customerId: number): Promise<AddressView[]> {
    return this.addresses.list(customerId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a delivery address', operationId: 'createAddress' })
  @ApiResponseOf('AddressView')
  createAddress(@CurrentCustomerId() customerId: number, @Body() dto: AddressDto): Promise<AddressView> {
    return this.addresses.create(customerId, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change one of my delivery addresses', operationId: 'updateAddress' })
  @ApiResponseOf('AddressView')
  updateAddress(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateAddressDto,
  ): Promise<AddressView> {
    return this.addresses.update(customerId, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete one of my delivery addresses', operationId: 'deleteAddress' })
  @ApiNoContentResponse()
  @HttpCode(204)
  deleteAddress(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.addresses.remove(customerId, id);
  }
}
