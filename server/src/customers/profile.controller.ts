import { Body, Controller, Get, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { MyProfileView, UpdateMyProfileRequest } from '@member-commerce/shared';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { ProfileService } from './profile.service';

export class UpdateMyProfileDto implements UpdateMyProfileRequest {
  @ApiProperty({ description: 'The name shown on 我的 (from <input type="nickname"> on weapp)', example: '小林' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 32)
  nickname: string;
}

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiOperation({ summary: 'My nickname and avatar', operationId: 'getMyProfile' })
  @ApiResponseOf('MyProfileView')
  getMyProfile(@CurrentCustomerId() customerId: number): Promise<MyProfileView> {
    return this.profiles.get(customerId);
  }

  @Patch()
  @ApiOperation({ summary: 'Change my nickname', operationId: 'updateMyProfile' })
  @ApiResponseOf('MyProfileView')
  updateMyProfile(@CurrentCustomerId() customerId: number, @Body() dto: UpdateMyProfileDto): Promise<MyProfileView> {
    return this.profiles.rename(customerId, dto.nickname);
  }

  @Post('avatar')
  @RateLimit('sensitive')
  @ApiConsumes('image/jpeg', 'image/png')
  @ApiBody({ description: 'The image bytes (≤ 2 MB); kept as a 256 px JPEG' })
  @ApiOperation({
    summary: 'Upload my avatar (头像昵称填写 on weapp, a file picker on H5)',
    operationId: 'uploadMyAvatar',
  })
  @ApiResponseOf('MyProfileView')
  uploadMyAvatar(@CurrentCustomerId() customerId: number, @Req() request: FastifyRequest): Promise<MyProfileView> {
    return this.profiles.setAvatar(customerId, request.body);
  }
}
