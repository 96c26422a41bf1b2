import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested, validate } from 'class-validator';
import { toFieldProblems } from './validation';

class Party {
  @IsString()
  @IsNotEmpty()
  name!: string;
}

class Input {
  @MaxLength(5)
  title!: string;

  @IsIn(['walk_in', 'call_110'])
  channel!: string;

  @ValidateNested({ each: true })
  @Type(() => Party)
  parties!: Party[];
}

describe('toFieldProblems', () => {
  it('gives each field path a reason in English and Chinese', async () => {
    const input = Object.assign(new Input(), {
      title: '太长的标题文本',
      channel: 'fax',
      parties: [Object.assign(new Party(), { name: '' })],
    });
    const problems = toFieldProblems(await validate(input));
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          reason: expect.stringContaining('shorter than or equal to 5'),
          reasonZh: '长度不能超过 5 个字符',
        },
        { field: 'channel', reason: expect.any(String), reasonZh: '取值必须是以下之一：walk_in, call_110' },
        { field: 'parties[0].name', reason: expect.any(String), reasonZh: '不能为空' },
      ]),
    );
  });
});
