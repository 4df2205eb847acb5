import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { ChangePasswordResponse, StaffLoginResponse, StaffSummary } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { StaffLoginDto } from './dto/staff-login.dto';
import { OpenBeforePasswordChange } from './roles.decorator';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffService } from './staff.service';

@ApiTags('admin: auth')
@Controller('admin')
export class StaffAuthController {
  constructor(private readonly staff: StaffService) {}

  @Post('auth/login')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({ summary: 'Staff login with username and password', operationId: 'adminLogin' })
  @ApiResponseOf('StaffLoginResponse')
  login(@Body() dto: StaffLoginDto): Promise<StaffLoginResponse> {
    return this.staff.login(dto.username, dto.password);
  }

  @Post('auth/password')
  @HttpCode(200)
  @UseGuards(StaffAuthGuard)
  @OpenBeforePasswordChange()
  @RateLimit('sensitive')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change my own password (needs the current one); answers a fresh token',
    operationId: 'adminChangePassword',
  })
  @ApiResponseOf('ChangePasswordResponse')
  changePassword(
    @CurrentStaff() actor: StaffPrincipal,
    @Body() dto: ChangePasswordDto,
  ): Promise<ChangePasswordResponse> {
    return this.staff.changePassword(actor, dto);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in staff account', operationId: 'adminMe' })
  @ApiResponseOf('StaffSummary')
  @UseGuards(StaffAuthGuard)
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  me(@CurrentStaff() principal: StaffPrincipal): Promise<StaffSummary> {
    return this.staff.me(principal);
  }
}
