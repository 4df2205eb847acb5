import { Body, Get, Param, ParseIntPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import type { CodeBatchCreated, CodeBatchView, CodeView, GiftCodesAdminView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { GiftMembershipsService } from './gift-memberships.service';
import { CodeBatchesService } from './code-batches.service';
import { CreateCodeBatchDto, VoidCodeDto, VoidReasonDto } from './dto/code-batch.dto';

@StaffController('membership-codes', 'admin: membership codes', 'admin', 'operator')
export class MembershipCodesAdminController {
  constructor(
    private readonly batches: CodeBatchesService,
    private readonly gifts: GiftMembershipsService,
  ) {}

  @Get('batches')
  @ApiOperation({
    summary: 'Code batches, newest first, with redeemed / open / expired / void counts',
    operationId: 'adminListCodeBatches',
  })
  @ApiResponseOf('CodeBatchView', { isArray: true })
  listCodeBatches(): Promise<CodeBatchView[]> {
    return this.batches.list();
  }

  @Post('batches')
  @ApiOperation({
    summary: 'Create a batch of unguessable membership codes for a tier',
    operationId: 'adminCreateCodeBatch',
  })
  @ApiResponseOf('CodeBatchCreated')
  createCodeBatch(@CurrentStaff() actor: StaffPrincipal, @Body() dto: CreateCodeBatchDto): Promise<CodeBatchCreated> {
    return this.batches.create(actor, dto);
  }

  @Get('batches/:id/export')
  @ApiOperation({
    summary: 'The batch codes as CSV (UTF-8 with BOM), code in the first column; the download is audited',
    operationId: 'adminExportCodeBatch',
  })
  @ApiFileResponse('text/csv')
  async exportCodeBatch(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<StreamableFile> {
    const file = await this.batches.export(actor, id);
    return new StreamableFile(file.body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Post('batches/:id/void')
  @ApiOperation({ summary: 'Void every unredeemed code of the batch', operationId: 'adminVoidCodeBatch' })
  @ApiResponseOf('CodeBatchView')
  voidCodeBatch(
    @CurrentStaff() actor: StaffPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: VoidReasonDto,
  ): Promise<CodeBatchView> {
    return this.batches.voidBatch(actor, id, dto);
  }

  @Get('gifts')
  @Roles('admin', 'operator', 'finance')
  @ApiOperation({
    summary: 'Gift memberships sold and their codes: redeemed, open, refunded, and breakage (unredeemed past the date)',
    operationId: 'adminListGiftCodes',
  })
  @ApiResponseOf('GiftCodesAdminView')
  listGiftCodes(): Promise<GiftCodesAdminView> {
    return this.gifts.adminView();
  }

  @Post('void')
  @ApiOperation({ summary: 'Void one unredeemed code of a batch', operationId: 'adminVoidMembershipCode' })
  @ApiResponseOf('CodeView')
  voidMembershipCode(@CurrentStaff() actor: StaffPrincipal, @Body() dto: VoidCodeDto): Promise<CodeView> {
    return this.batches.voidCode(actor, dto);
  }
}
