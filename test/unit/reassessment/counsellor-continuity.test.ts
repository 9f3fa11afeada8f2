import { describe, expect, it } from 'vitest';
import { continuityOf } from '../../../functions/reassessment/counsellor-continuity';
import { counsellor, on, request } from '../matching/fixtures';

const gaps = (result: ReturnType<typeof continuityOf>) => (result.keep ? [] : result.gaps.map((g) => g.code));

describe('continuityOf (does the serving counsellor keep the person into the next period?)', () => {
  it('keeps an active counsellor who still serves the programme and has room', () => {
    expect(continuityOf(request(), counsellor({ reserved: 5, weeklyCapacity: 5 }), on)).toEqual({ keep: true });
  });

  it('keeps them even with no free place left: the person’s own place is among those reserved', () => {
    expect(continuityOf(request(), counsellor({ reserved: 3, weeklyCapacity: 3 }), on).keep).toBe(true);
  });

  it('releases a counsellor made inactive', () => {
    expect(gaps(continuityOf(request(), counsellor({ active: false }), on))).toEqual(['active']);
  });

  it('releases a counsellor whose agency no longer offers the programme', () => {
    expect(gaps(continuityOf(request(), counsellor({ agencyProgrammes: ['parent'] }), on))).toEqual(['agency-programme']);
  });

  it('releases a counsellor no longer qualified for the youth voucher type asked', () => {
    expect(gaps(continuityOf(request({ voucherType: 'B' }), counsellor(), on))).toEqual(['youth-voucher-type']);
  });

  it('releases a counsellor carrying more cases than their capacity, and says by how many', () => {
    const result = continuityOf(request(), counsellor({ reserved: 6, weeklyCapacity: 5 }), on);
    expect(gaps(result)).toEqual(['over-capacity']);
    expect(!result.keep && result.gaps[0]!.text.en).toBe('Carries 6 cases over a weekly capacity of 5');
  });

  it('releases a counsellor gone from the registry', () => {
    expect(gaps(continuityOf(request(), undefined, on))).toEqual(['not-registered']);
  });

  it('ignores exclusions and free places, which concern a new offer, not a person already served', () => {
    const served = counsellor({ reserved: 5, weeklyCapacity: 5 });
    expect(continuityOf(request({ excludedCounsellorIds: [served.counsellorId] }), served, on).keep).toBe(true);
  });
});
