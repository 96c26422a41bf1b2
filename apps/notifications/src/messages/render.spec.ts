import type { SlaClockBreachedV1, SlaClockWarnedV1 } from '@fengqiao/contracts';
import { beijingMinute, renderSlaMessage } from './render';

const facts = {
  clockId: '00000000-0000-4000-8000-000000000001',
  kind: 'accept' as const,
  subjectId: '00000000-0000-4000-8000-000000000002',
  caseId: '00000000-0000-4000-8000-000000000003',
  caseNumber: 'QZ-2026-000123',
  agencyId: '00000000-0000-4000-8000-000000000004',
  agencyName: '弥河镇人民调解委员会',
  jurisdictionCode: '370781107000',
  // 10:30 in Beijing (UTC+8), whatever zone the test runs in.
  dueAt: '2026-11-24T02:30:00.000Z',
};

const warned = (over: Partial<SlaClockWarnedV1> = {}): SlaClockWarnedV1 => ({
  ...facts,
  level: 'orange',
  thresholdPercent: 80,
  reachedAt: '2026-11-24T01:54:00.000Z',
  firedAt: '2026-11-24T01:54:05.000Z',
  ...over,
});

describe('renderSlaMessage', () => {
  it('renders an orange warning with the clock kind, the due time in Beijing time and the unit', () => {
    expect(renderSlaMessage(warned(), 'orange')).toBe(
      '【枫桥Hub 橙灯预警】案件 QZ-2026-000123 签收 将于 11月24日 10:30 到期（已用 80%），责任单位：弥河镇人民调解委员会',
    );
  });

  it('names each clock kind in Chinese and a yellow warning as 黄灯', () => {
    const names = (['accept', 'first_contact', 'resolve', 'follow_up', 'summons', 'task'] as const).map(
      (kind) => renderSlaMessage(warned({ kind, level: 'yellow', thresholdPercent: 50 }), 'yellow'),
    );
    expect(names.map((m) => m.split(' ')[3])).toEqual([
      '签收',
      '首次联系',
      '办结',
      '回访',
      '报到',
      '会商任务',
    ]);
    expect(names[0]).toMatch(/^【枫桥Hub 黄灯预警】.*（已用 50%）/);
  });

  it('says so when a warned clock is paused (no due time)', () => {
    expect(renderSlaMessage(warned({ dueAt: null }), 'orange')).toBe(
      '【枫桥Hub 橙灯预警】案件 QZ-2026-000123 签收 已用 80% 时限（计时暂停中），责任单位：弥河镇人民调解委员会',
    );
  });

  it('renders a breach as 超期 with what the hub did about it', () => {
    const breached: SlaClockBreachedV1 = {
      ...facts,
      kind: 'resolve',
      actions: ['remind', 'supervise'],
      supervisionId: null,
      reachedAt: facts.dueAt,
      firedAt: facts.dueAt,
    };
    expect(renderSlaMessage(breached, 'red')).toBe(
      '【枫桥Hub 超期】案件 QZ-2026-000123 办结 已于 11月24日 10:30 到期未完成，责任单位：弥河镇人民调解委员会；已催办、督办',
    );
    expect(renderSlaMessage({ ...breached, actions: [] }, 'red')).not.toContain('；');
  });

  it('formats midnight as 00:00 and crosses the date line into Beijing time', () => {
    expect(beijingMinute('2026-12-31T16:00:00Z')).toBe('1月1日 00:00');
  });
});
