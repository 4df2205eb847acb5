import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MyReminderView } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { MyRemindersService } from './my-reminders.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/reminders')
export class MyRemindersController {
  constructor(private readonly reminders: MyRemindersService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app renewal reminders, unseen first', operationId: 'listMyReminders' })
  @ApiResponseOf('MyReminderView', { isArray: true })
  listMyReminders(@CurrentCustomerId() customerId: number): Promise<MyReminderView[]> {
    return this.reminders.list(customerId);
  }

  @Post(':id/seen')
  @HttpCode(204)
  @ApiOperation({ summary: 'The banner was shown', operationId: 'markReminderSeen' })
  @ApiNoContentResponse()
  markReminderSeen(@CurrentCustomerId() customerId: number, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.reminders.markSeen(customerId, id);
  }
}
