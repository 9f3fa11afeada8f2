import { describe, expect, it } from 'vitest';
import { statusLabels, type ApplicationStatus } from '../../../functions/applications/application';
import { whatNext } from '../../../functions/status/what-next';

const today = '2026-03-05';

describe('whatNext', () => {
  it('says something plain for every status, with no code in it', () => {
    for (const status of Object.keys(statusLabels) as ApplicationStatus[]) {
      const next = whatNext({ status }, { today });
      expect(next.text.ko, status).toMatch(/[가-힣]/);
      expect(next.text.en, status).toMatch(/^[A-Z]/);
      expect(`${next.text.ko} ${next.text.en}`, status).not.toMatch(/[a-z]+\.[a-z-]+|[a-z]+-[a-z]+-[a-z]+/);
    }
  });

  it('gives the review’s due day while it is on time', () => {
    const next = whatNext({ status: 'awaiting-review' }, { today, taskDueOn: '2026-03-09' });
    expect(next.text.ko).toContain('담당자가 신청 내용을 검토합니다');
    expect(next.when).toEqual({ label: { ko: '검토 예정일', en: 'Review due by' }, on: '2026-03-09' });
  });

  it('owns up to a late review and says whom to ask, instead of a date gone by', () => {
    const next = whatNext({ status: 'awaiting-review' }, { today, taskDueOn: '2026-03-04' });
    expect(next.text.ko).toContain('늦어지고 있습니다');
    expect(next.when).toBeUndefined();
  });

  it('gives the supplement’s deadline, and says it arrived once it did', () => {
    expect(whatNext({ status: 'supplement-requested', supplement: { round: 1, state: 'waiting' } }, { today, supplementDueOn: '2026-03-19' }).when?.on).toBe('2026-03-19');
    const sent = whatNext({ status: 'supplement-requested', supplement: { round: 1, state: 'answered' } }, { today, supplementDueOn: '2026-03-19' });
    expect(sent.text.ko).toContain('받았습니다');
    expect(sent.when).toBeUndefined();
  });

  it('gives the next session while in service, or else the period’s last day', () => {
    expect(whatNext({ status: 'in-service' }, { today, nextSessionOn: '2026-03-10', periodEndsOn: '2026-06-01' }).when).toMatchObject({ on: '2026-03-10', label: { ko: '다음 상담일' } });
    expect(whatNext({ status: 'in-service' }, { today, periodEndsOn: '2026-06-01' }).when).toMatchObject({ on: '2026-06-01' });
  });

  it('points to the appeal and its last day when rejected', () => {
    const next = whatNext({ status: 'rejected' }, { today, appealBy: '2026-04-04' });
    expect(next.text.ko).toContain('이의신청');
    expect(next.when).toMatchObject({ on: '2026-04-04', label: { ko: '이의신청 기한' } });
  });

  it('says a closing request is being handled, whatever the status', () => {
    expect(whatNext({ status: 'in-service' }, { today, closing: true }).text.ko).toContain('중단 요청');
  });
});
