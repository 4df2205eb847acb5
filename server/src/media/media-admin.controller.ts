import { Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { FastifyRequest } from 'fastify';
import type { UploadedMediaView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CATALOG_WRITERS } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { MediaService } from './media.service';
import { readUploadedFile } from './read-upload';

@StaffController('media', 'admin: media', ...CATALOG_WRITERS)
export class MediaAdminController {
  constructor(
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a product or banner picture (JPEG, PNG or GIF); returns its URL and a thumbnail URL',
    operationId: 'adminUploadMedia',
  })
  @ApiResponseOf('UploadedMediaView')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  async uploadMedia(@CurrentStaff() actor: StaffPrincipal, @Req() request: FastifyRequest): Promise<UploadedMediaView> {
    return this.media.upload(actor, await readUploadedFile(request, this.config.media.maxUploadBytes));
  }
}
