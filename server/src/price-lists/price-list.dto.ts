import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { ApplyPriceListRequest, PriceListFileRequest } from '@member-commerce/shared';

export class PriceListFileDto implements PriceListFileRequest {
  @ApiProperty({
    description: 'The CSV file as text (UTF-8, BOM allowed)',
    example: 'SKU编码,商品,规格,原价(元),会员卡编码,会员卡,会员价(元)\nNUT-500G,每日坚果,500g,129.00,ANNUAL,年卡,99.00',
  })
  @IsString()
  @Length(1, 900_000)
  csv: string;
}

export class ApplyPriceListDto extends PriceListFileDto implements ApplyPriceListRequest {
  @ApiProperty({ description: 'The token of the preview being applied' })
  @Matches(/^[0-9a-f]{32}$/)
  token: string;
}
