import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyMembershipView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { MemberOverviewService } from './member-overview.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me')
export class MemberOverviewController {
  constructor(private readonly overview: MemberOverviewService) {}

  @Get('membership')
  @ApiOperation({ summary: 'My membership, days left, spend progress and savings' })
  getMyMembership(@CurrentCustomerId() customerId: number): Promise<MyMembershipView> {
    return this.overview.forCustomer(customerId);
  }
}
