import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, ApiResponseOf } from '../openapi/api-response.decorator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AfterSalesView, UploadedPhoto } from '@member-commerce/shared';
import { CurrentCustomerId } from '../common/current-principal.decorator';
import { CustomerAuthGuard } from '../common/customer-auth.guard';
import { AfterSalesService } from './after-sales.service';
import { PhotosService } from './photos.service';
import { PhotoUploadQueryDto } from './dto/after-sales.dto';
import { SubmitReturnShipmentDto } from './dto/return-address.dto';

@ApiTags('after-sales')
@ApiBearerAuth()
@UseGuards(CustomerAuthGuard)
@Controller()
export class AfterSalesController {
  constructor(private readonly afterSales: AfterSalesService) {}

  @Get('me/after-sales')
  @ApiQuery({ name: 'orderId', required: false, type: Number })
  @ApiOperation({ summary: 'My after-sales requests, newest first', operationId: 'listMyAfterSales' })
  @ApiResponseOf('AfterSalesView', { isArray: true })
  listMyAfterSales(
    @CurrentCustomerId() customerId: number,
    @Query('orderId') orderId?: string,
  ): Promise<AfterSalesView[]> {
    return this.afterSales.listOwn(customerId, orderId && /^\d+$/.test(orderId) ? Number(orderId) : undefined);
  }

  @Post('me/after-sales/:id/cancel')
  @ApiOperation({ summary: 'Withdraw my open after-sales request', operationId: 'cancelMyAfterSales' })
  @ApiResponseOf('AfterSalesView')
  cancelMyAfterSales(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<AfterSalesView> {
    return this.afterSales.cancelOwn(customerId, id);
  }

  @Post('me/after-sales/:id/return-shipment')
  @ApiOperation({
    summary: 'Tell the shop the carrier and tracking number of the goods I sent back (approved return)',
    operationId: 'submitMyReturnShipment',
  })
  @ApiResponseOf('AfterSalesView')
  submitMyReturnShipment(
    @CurrentCustomerId() customerId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SubmitReturnShipmentDto,
  ): Promise<AfterSalesView> {
    return this.afterSales.submitReturnShipment(customerId, id, dto);
  }
}

@ApiTags('after-sales')
@Controller('after-sales/photos')
export class AfterSalesPhotosController {
  constructor(private readonly photos: PhotosService) {}

  @Post()
  @ApiBearerAuth()
  @UseGuards(CustomerAuthGuard)
  @ApiConsumes('image/jpeg', 'image/png')
  @ApiBody({ description: 'The image bytes (≤ 2 MB); stored re-encoded as JPEG' })
  @ApiOperation({
    summary: 'Upload one photo for an after-sales request on my order; answers its name',
    operationId: 'uploadAfterSalesPhoto',
  })
  @ApiResponseOf('UploadedPhoto')
  uploadAfterSalesPhoto(
    @CurrentCustomerId() customerId: number,
    @Query() query: PhotoUploadQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<UploadedPhoto> {
    return this.photos.upload(customerId, query.orderId, request.body);
  }

  /** Names are random UUIDs, so a photo is only reachable by whoever was given its name. */
  @Get(':name')
  @ApiOperation({ summary: 'An uploaded after-sales photo', operationId: 'getAfterSalesPhoto' })
  @ApiFileResponse('image/jpeg', 'image/png', 'image/webp')
  async getAfterSalesPhoto(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const photo = await this.photos.read(name);
    await reply.header('content-type', photo.mime).header('cache-control', 'private, max-age=86400').send(photo.bytes);
  }
}
