import { describe, expect, it } from 'vitest';
import { closingSessionMissingBody, earlyReasonLabels, staffClosureBody, withdrawalBody, withdrawalReasons } from '../../../functions/closure/closing-reasons';
import { decisionBody } from '../../../functions/review/decision-body';
import { referralAcknowledgedBody, referralSentBody } from '../../../functions/referral/referral-body';

describe('closing bodies', () => {
  it("needs the case manager's reason from the list and a note on an early closure", () => {
    expect(staffClosureBody.safeParse({ reason: 'drop-out', note: '3주 연락 두절' }).success).toBe(true);
    expect(staffClosureBody.safeParse({ reason: 'drop-out' }).success).toBe(false);
    expect(staffClosureBody.safeParse({ reason: 'drop-out', note: '   ' }).success).toBe(false);
    expect(staffClosureBody.safeParse({ reason: 'bored', note: 'x' }).success).toBe(false);
  });

  it('lets the citizen withdraw with or without saying why, and words every reason they may choose', () => {
    expect(withdrawalBody.safeParse({}).success).toBe(true);
    expect(withdrawalBody.safeParse({ reason: 'moving', note: '부산으로' }).success).toBe(true);
    expect(withdrawalBody.safeParse({ reason: 'drop-out' }).success).toBe(false);
    for (const reason of withdrawalReasons) expect(earlyReasonLabels[`withdrawal-${reason}`].ko).toBeTruthy();
  });

  it("takes a missing closing session's reason only with close, as a code and a note", () => {
    const missing = { code: 'no-show', note: '종결 회기 불참, 연락 안 됨' };
    expect(decisionBody.safeParse({ decision: 'close', closingSessionMissing: missing }).success).toBe(true);
    expect(decisionBody.safeParse({ decision: 'extend', closingSessionMissing: missing }).success).toBe(false);
    expect(closingSessionMissingBody.safeParse({ code: 'no-show' }).success).toBe(false);
    expect(closingSessionMissingBody.safeParse({ code: 'closed-early', note: 'x' }).success).toBe(false);
  });

  it('records a referral by kind of receiver and name, and its acknowledgement by who and which day', () => {
    expect(referralSentBody.safeParse({ to: 'seoul-mental-health-integration-centre', organisation: '서울시정신건강통합센터' }).success).toBe(true);
    expect(referralSentBody.safeParse({ to: 'friend', organisation: 'x' }).success).toBe(false);
    expect(referralSentBody.safeParse({ to: 'medical-institution', organisation: ' ' }).success).toBe(false);
    expect(referralAcknowledgedBody.safeParse({ acknowledgedBy: '김담당 사회복지사', acknowledgedOn: '2026-06-03' }).success).toBe(true);
    expect(referralAcknowledgedBody.safeParse({ acknowledgedBy: '김담당', acknowledgedOn: '3 June' }).success).toBe(false);
  });
});
