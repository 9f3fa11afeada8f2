/**
 * "Which service fits me" (issue 10, item 1) in the browser, on a phone-sized screen: the screener asks
 * what the rules read, says per programme whether the person looks eligible and why, and its button
 * leads into the youth form with the answers carried over — prefilled, and on the check-your-answers
 * page. The pre-check is answered in this process by the rules themselves (the route's own schema and
 * engine), so the judgements the page shows are the real ones. Screenshots: /tmp/e2e-shots/screener-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, getProgramme, prescreenSchemaOn } from '../../forms';
import { checkEligibility } from '../../functions/eligibility/check-eligibility';
import { fieldDomId } from '../../web/src/lib/field-ids';
import { formSteps, next, onStep, REVIEW } from './support/application-steps';
import { seriousViolations } from './support/axe';
import { browserSession } from './support/browser-session';
import type { FakeBackend, RecordedRequest } from './support/fake-backend';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;
const SHOTS = '/tmp/e2e-shots';
const PHONE = { width: 375, height: 812 };

/** POST /api/eligibility/check as functions/eligibility/prescreen.ts answers it. */
function prescreen(request: RecordedRequest) {
  const today = new Date();
  const parsed = prescreenSchemaOn(today).safeParse(request.body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error).map((f) => ({ ...f, field: f.field }));
    return { status: 400, body: { error: { code: 'invalid-request', message: { ko: '입력값을 확인해 주세요', en: 'Check the answers' }, fields } } };
  }
  return { status: 200, body: checkEligibility(getProgramme(parsed.data.programme), parsed.data.answers, { applicationDate: today }) };
}

const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/screener-${name}.png`, fullPage: true });
const q = (name: string) => `[data-question="${name}"]`;
const youthBirthDate = `${new Date().getFullYear() - 25}-05-20`;

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
beforeEach(async () => {
  ({ backend, page } = session);
  backend.on('POST', '/api/eligibility/check', prescreen);
  await page.setViewportSize(PHONE);
});

describe('the screener', () => {
  it('leads a 25-year-old into the youth form with the answers carried over, prefilled and on the check-your-answers page', async () => {
    await page.goto(`${backend.url}/`);
    await page.click('#screener-link');
    await page.locator('#screener').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Never a name, a contact or the registration number.
    expect(await page.locator('#screener input[id*="name"], #screener input[id*="phone"], #screener input[id*="rrn"]').count()).toBe(0);

    await page.fill(`${q('applicant.birthDate')} input`, youthBirthDate);
    await page.selectOption(`${q('applicant.district')} select`, '11440');
    await page.fill(`${q('household.size')} input`, '2');
    await page.fill(`${q('household.monthlyIncome')} input`, '3000000');
    await page.check(`${q('household.category')} input[value="general"]`);
    await page.check(`${q('leavingCare')} input[value="true"]`);
    await page.check(`${q('referredByMentalHealthCentre')} input[value="false"]`);
    await page.check(`${q('otherYouthCounselling')} input[value="false"]`);
    await page.check(`${q('counsellorType')} input[value="A"]`);
    await shot('1-questions');
    await page.click('#screener-submit');

    const youthCard = page.locator('#screener-results [data-programme="youth"]');
    await youthCard.locator('.verdict').waitFor();
    // The results' heading takes the focus, so a screen reader hears them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screener-results-title');
    expect(await youthCard.locator('.verdict').getAttribute('data-outcome')).toBe('eligible');
    expect(await youthCard.textContent()).toContain('신청할 수 있을 것으로 보입니다');
    // The child programme's questions were left out: it says what is missing, in words.
    const childCard = page.locator('#screener-results [data-programme="child-adolescent"]');
    expect(await childCard.textContent()).toContain('판단하려면 다음 답이 더 필요합니다');
    expect(await childCard.locator('button[data-apply]').count()).toBe(0);
    const results = (await page.locator('#screener-results').textContent())!;
    expect(results).not.toMatch(/2026\.1|ruleVersion|youth |needs-review|ineligible/);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('2-results');
    await page.locator('#screener-results').screenshot({ path: `${SHOTS}/screener-2-results-only.png` });
    await page.locator('.site-header').screenshot({ path: `${SHOTS}/screener-2-header.png` });

    // English, as on the other pages.
    await page.click('#lang-toggle');
    expect(await youthCard.textContent()).toContain('You look eligible');
    await shot('3-results-en');
    await page.click('#lang-toggle');

    await youthCard.locator('button[data-apply="youth"]').click();
    const youth = getProgramme('youth');
    const steps = formSteps(youth).map((step) => step.id);
    await onStep(page, steps[0]!);
    // In the form (no reload, which would keep only the draft): the answers are there, step by step.
    await page.check(`#${fieldDomId('submitter.who')} input[value="self"]`);
    await next(page, youth);
    expect(await page.inputValue(`#${fieldDomId('applicant.birthDate')}`)).toBe(youthBirthDate);
    expect(await page.inputValue(`#${fieldDomId('applicant.district')}`)).toBe('11440');
    await page.fill(`#${fieldDomId('applicant.name')}`, '김돌봄');
    await page.fill(`#${fieldDomId('applicant.phone')}`, '010 1234 5678');
    await page.fill(`#${fieldDomId('applicant.address')}`, '서울특별시 마포구 월드컵북로 212');
    await shot('4-form-prefilled');
    await next(page, youth);
    expect(await page.isChecked(`#${fieldDomId('leavingCare')} input[value="true"]`)).toBe(true);
    expect(await page.isChecked(`#${fieldDomId('referredByMentalHealthCentre')} input[value="false"]`)).toBe(true);
    while (new URL(page.url()).searchParams.get('step') !== REVIEW) await next(page, youth);

    const answer = (name: string) => page.locator(`.review [data-answer="${name}"]`).textContent();
    const [year, month, day] = youthBirthDate.split('-').map(Number);
    expect(await answer('applicant.birthDate')).toBe(`${year}년 ${month}월 ${day}일`);
    expect(await answer('applicant.district')).toBe('마포구');
    expect(await answer('leavingCare')).toBe('예');
    expect(await answer('referredByMentalHealthCentre')).toBe('아니오');
    expect(await answer('counsellorType')).toContain('A형');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('5-check-answers');
  });

  it('says why a 40-year-old is not eligible for the youth voucher and offers no way into it', async () => {
    await page.goto(`${backend.url}/screener.html`);
    await page.locator('#screener').waitFor();
    await page.fill(`${q('applicant.birthDate')} input`, `${new Date().getFullYear() - 40}-01-01`);
    await page.selectOption(`${q('applicant.district')} select`, '11110');
    await page.check(`${q('leavingCare')} input[value="false"]`);
    await page.check(`${q('referredByMentalHealthCentre')} input[value="false"]`);
    await page.check(`${q('otherYouthCounselling')} input[value="false"]`);
    await page.check(`${q('counsellorType')} input[value="A"]`);
    await page.click('#screener-submit');
    const youthCard = page.locator('#screener-results [data-programme="youth"]');
    await youthCard.locator('.verdict').waitFor();
    expect(await youthCard.locator('.verdict').getAttribute('data-outcome')).toBe('ineligible');
    expect(await youthCard.textContent()).toMatch(/40/);
    expect(await youthCard.locator('button[data-apply]').count()).toBe(0);
    // Only what the rules read went to the pre-check.
    const sent = backend.requests.filter((r) => r.path === '/api/eligibility/check').map((r) => r.body as { programme: string; answers: object });
    expect(sent.find((s) => s.programme === 'youth')!.answers).toEqual({
      applicant: { birthDate: `${new Date().getFullYear() - 40}-01-01`, district: '11110' },
      leavingCare: false,
      referredByMentalHealthCentre: false,
      otherYouthCounselling: false,
      counsellorType: 'A',
    });
    await shot('6-not-eligible');
  });
});
