import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { MyServiceContactResponse } from '../openapi/response-types';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { ServiceContactService } from './service-contact.service';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller('me/service-contact')
export class ServiceContactController {
  constructor(private readonly contacts: ServiceContactService) {}

  @Get()
  @ApiOperation({
    summary: 'My exclusive customer service contact, when my current term includes it (else null)',
    operationId: 'getMyServiceContact',
  })
  @ApiResponseOf('MyServiceContactResponse')
  async getMyServiceContact(@CurrentCustomerId() customerId: number): Promise<MyServiceContactResponse> {
    return { contact: await this.contacts.forCustomer(customerId) };
  }
}
