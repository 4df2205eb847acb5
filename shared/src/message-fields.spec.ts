import { checkMessageFields, renderMessageFields } from './message-fields';

const context = { tierName: '钻石年卡会员（家庭版）尊享全年畅购套餐', termEnd: '2027年1月5日 09:30', daysLeft: '7' };

describe('subscribe-message fields', () => {
  it('accepts the default renewal fields', () => {
    expect(
      checkMessageFields({
        thing1: '{tierName}即将到期',
        time2: '{termEnd}',
        thing3: '还剩{daysLeft}天，续费不丢天数',
      }),
    ).toEqual([]);
  });

  it('rejects a thing longer than 20 characters once the sample is filled in', () => {
    const problems = checkMessageFields({ thing1: '这是一段非常非常非常非常非常长的提醒文字超出' });
    expect(problems).toEqual([expect.objectContaining({ key: 'thing1', message: expect.stringContaining('≤ 20') })]);
  });

  it('rejects a time field that is not a time, a phrase over five characters, unknown keys and placeholders', () => {
    const keys = checkMessageFields({ time2: '下周', phrase3: '请尽快续费会员', foo: 'x', thing4: '{price}' }).map(
      (p) => p.key,
    );
    expect(keys).toEqual(['time2', 'phrase3', 'foo', 'thing4']);
  });

  it('needs at least one field', () => {
    expect(checkMessageFields({})).toHaveLength(1);
  });

  it('fills placeholders and cuts a long tier name to the thing limit', () => {
    const data = renderMessageFields({ thing1: '{tierName}即将到期', time2: '{termEnd}' }, context);
    expect([...data.thing1.value]).toHaveLength(20);
    expect(data.thing1.value.endsWith('…')).toBe(true);
    expect(data.time2.value).toBe('2027年1月5日 09:30');
  });
});
