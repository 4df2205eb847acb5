import { Body, Delete, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { CustomerNoteView, CustomerProfileView, CustomerTagView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { CustomerNotesTagsService } from './customer-notes-tags.service';
import { CustomerProfileService } from './customer-profile.service';
import { AddCustomerNoteDto, AddCustomerTagDto } from './dto/customer-note-tag.dto';

/** Roles that serve customers and may write notes and tags on them; finance reads only. */
const CUSTOMER_CARE = ['admin', 'operator', 'support'] as const;

/** Every /api/admin/customers route: 客户详情, its notes and tags, and the tags staff have defined. */
@StaffController('customers', 'admin: customers', ...ALL_STAFF)
export class CustomersAdminController {
  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly notesTags: CustomerNotesTagsService,
  ) {}

  @Get('tags')
  @ApiOperation({
    summary: 'Every customer tag staff have defined (the member list filters by them)',
    operationId: 'adminListCustomerTags',
  })
  @ApiResponseOf('CustomerTagView', { isArray: true })
  listCustomerTags(): Promise<CustomerTagView[]> {
    return this.notesTags.allTags();
  }

  @Get(':customerId')
  @ApiOperation({
    summary: 'One customer: identity, membership terms, spend, coupons, gifts, after-sales, notes and tags',
    operationId: 'adminGetCustomerProfile',
  })
  @ApiResponseOf('CustomerProfileView')
  getCustomerProfile(@Param('customerId', ParseIntPipe) customerId: number): Promise<CustomerProfileView> {
    return this.profiles.get(customerId);
  }

  @Post(':customerId/notes')
  @Roles(...CUSTOMER_CARE)
  @ApiOperation({
    summary: 'Append a note on a customer (audited); answers every note, newest first',
    operationId: 'adminAddCustomerNote',
  })
  @ApiResponseOf('CustomerNoteView', { isArray: true })
  addCustomerNote(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('customerId', ParseIntPipe) customerId: number,
    @Body() dto: AddCustomerNoteDto,
  ): Promise<CustomerNoteView[]> {
    return this.notesTags.addNote(actor, customerId, dto.text);
  }

  @Post(':customerId/tags')
  @Roles(...CUSTOMER_CARE)
  @ApiOperation({
    summary: 'Tag a customer by name, defining the tag when new (audited)',
    operationId: 'adminAddCustomerTag',
  })
  @ApiResponseOf('CustomerTagView', { isArray: true })
  addCustomerTag(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('customerId', ParseIntPipe) customerId: number,
    @Body() dto: AddCustomerTagDto,
  ): Promise<CustomerTagView[]> {
    return this.notesTags.addTag(actor, customerId, dto.name);
  }

  @Delete(':customerId/tags/:tagId')
  @Roles(...CUSTOMER_CARE)
  @ApiOperation({ summary: 'Take a tag off a customer (audited)', operationId: 'adminRemoveCustomerTag' })
  @ApiResponseOf('CustomerTagView', { isArray: true })
  removeCustomerTag(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('customerId', ParseIntPipe) customerId: number,
    @Param('tagId', ParseIntPipe) tagId: number,
  ): Promise<CustomerTagView[]> {
    return this.notesTags.removeTag(actor, customerId, tagId);
  }
}
