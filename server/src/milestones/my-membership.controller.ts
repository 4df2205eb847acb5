import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MyMembershipView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { MemberOverviewService } from './member-overview.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
/**
 * /api/me/membership: the membership with its spend progress, which needs milestones (so it lives here, not in
 * membership/, which milestones depends on).
 */
@Controller('me/membership')
export class MyMembershipController {
  constructor(private readonly overview: MemberOverviewService) {}

  @Get()
  @ApiOperation({ summary: 'My membership, days left, spend progress and savings', operationId: 'getMyMembership' })
  @ApiResponseOf('MyMembershipView')
  getMyMembership(@CurrentCustomerId() customerId: number): Promise<MyMembershipView> {
    return this.overview.forCustomer(customerId);
  }
}
