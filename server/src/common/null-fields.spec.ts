import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { undeclaredNulls } from './null-fields';

class LineDto {
  @ApiProperty()
  skuId: number;

  @ApiPropertyOptional({ nullable: true })
  note?: string | null;
}

class ThingDto {
  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ nullable: true })
  image?: string | null;

  @ApiProperty({ type: [LineDto] })
  lines: LineDto[];

  @ApiPropertyOptional({ type: () => LineDto })
  main?: LineDto;
}

class UpdateThingDto extends PartialType(ThingDto) {}

describe('undeclaredNulls: null only where the DTO documents it', () => {
  it('names a null in a field not declared nullable, at any depth', () => {
    expect(undeclaredNulls({ name: null, image: null }, ThingDto)).toEqual(['name']);
    expect(undeclaredNulls({ lines: [{ skuId: 1 }, { skuId: null, note: null }] }, ThingDto)).toEqual([
      'lines[1].skuId',
    ]);
    expect(undeclaredNulls({ main: { skuId: null } }, ThingDto)).toEqual(['main.skuId']);
  });

  it('an update DTO made with PartialType keeps the rule: leave a field out, do not send null', () => {
    expect(undeclaredNulls({ name: null }, UpdateThingDto)).toEqual(['name']);
    expect(undeclaredNulls({ image: null }, UpdateThingDto)).toEqual([]);
    expect(undeclaredNulls({}, UpdateThingDto)).toEqual([]);
  });

  it('ignores what it does not know: unknown fields (stripped later) and classes without Swagger metadata', () => {
    expect(undeclaredNulls({ unknown: null }, ThingDto)).toEqual([]);
    expect(undeclaredNulls({ name: null }, Object)).toEqual([]);
  });
});
