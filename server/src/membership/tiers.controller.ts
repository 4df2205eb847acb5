import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { TierView } from '@member-commerce/shared';
import { TiersService } from './tiers.service';

@ApiTags('membership')
@Controller('tiers')
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  @ApiOperation({ summary: 'Tiers on sale, with benefits and welcome gift pack options', operationId: 'listTiers' })
  @ApiResponseOf('TierView', { isArray: true })
  listTiers(): Promise<TierView[]> {
    return this.tiers.listActive();
  }
}
