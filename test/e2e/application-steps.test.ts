/**
 * The citizen's form in steps, as people go through it (issue 10): a draft that survives a reload and
 * never holds the registration number or health answers, the check-your-answers page changing an
 * answer, the browser's Back and Forward, a whole application with the keyboard alone, axe-core on
 * every step, and a phone-sized run with screenshots (/tmp/e2e-shots/form-*.png).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProgramme, programmes, type AnyProgramme } from '../../forms';
import { fieldDomId } from '../../web/src/lib/field-ids';
import { consentAndSubmit, fillStep, fillSteps, formSteps, next, onStep, openForm as open, REVIEW, type Answers } from './support/application-steps';
import { seriousViolations } from './support/axe';
import { browserSession } from './support/browser-session';
import { everyFieldCases, fillEveryField } from './support/every-field';
import type { FakeBackend } from './support/fake-backend';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;
const SHOTS = '/tmp/e2e-shots';

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
beforeEach(() => {
  ({ backend, page } = session);
  backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
});

const receipt = { applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF', receiptNumber: 'DB-2026-7K3M9Q2X', accessCode: 'R4TW-9XK2-MP7D' };
const youth = getProgramme('youth');
const child = getProgramme('child-adolescent');
const openForm = (programme: AnyProgramme, step?: string) => open(page, backend.url, programme, step);
const value = (name: string) => page.inputValue(`#${fieldDomId(name)}`);
const checked = (name: string, option: string) => page.isChecked(`#${fieldDomId(name)} input[value="${option}"]`);
const sent = () => backend.requests.filter((r) => r.path === '/api/applications').at(-1)!.body as { answers: Record<string, any> };
const draftOf = (programme: string) => page.evaluate((key) => localStorage.getItem(key), `dolbom.draft.${programme}`);

const youthAnswers: Answers = {
  values: {
    'applicant.name': '김돌봄',
    'applicant.birthDate': '1998-04-02',
    'applicant.phone': '010 1234 5678',
    'applicant.district': '11440',
    'applicant.address': '서울특별시 마포구 월드컵북로 212',
    leavingCare: 'true',
    referredByMentalHealthCentre: 'true',
    counsellorType: 'A',
  },
  skip: ['applicant.email', 'concerns', 'preferences.counsellorGender', 'preferences.language', 'preferences.time'],
};

describe('a draft', () => {
  it('survives a reload, without the health answers, and starts again when asked', async () => {
    await openForm(youth);
    await fillSteps(page, youth, youthAnswers, { until: 'situation' });
    await page.reload();
    await onStep(page, 'situation');
    expect(await page.textContent('#draft-resumed')).toContain('이어서 씁니다');
    expect(await checked('leavingCare', 'true')).toBe(true);
    // Health information (a referral by a mental-health centre) is not kept on the device.
    expect(await checked('referredByMentalHealthCentre', 'true')).toBe(false);
    expect(await checked('referredByMentalHealthCentre', 'false')).toBe(false);
    expect(await draftOf('youth')).not.toContain('referredByMentalHealthCentre');
    await page.click('#step-back');
    await onStep(page, 'applicant');
    expect(await value('applicant.name')).toBe('김돌봄');
    expect(await value('applicant.phone')).toBe('010 1234 5678');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#start-again');
    await onStep(page, 'submitter');
    expect(await checked('submitter.who', 'self')).toBe(false);
    expect(await value('applicant.name')).toBe('');
    expect(await draftOf('youth')).toBeNull();
    expect(await page.isVisible('#draft-resumed')).toBe(false);
  });

  it('after a reload, the pre-check asks again for the health answer not kept, and its link leads to that step', async () => {
    await openForm(youth);
    await fillSteps(page, youth, youthAnswers, { until: 'service' });
    await page.reload();
    await onStep(page, 'service');
    await page.click('#check-eligibility');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.locator('#error-summary li').allTextContents()).toEqual(['정신건강복지센터 의뢰 여부: 예 또는 아니오로 답해 주세요']);
    await page.click('#error-summary a');
    await onStep(page, 'situation');
    expect(new URL(page.url()).searchParams.get('then')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${'f-referredByMentalHealthCentre'}-0`);
    expect(await page.textContent(`#f-referredByMentalHealthCentre-error`)).toBe('정신건강복지센터 의뢰 여부: 예 또는 아니오로 답해 주세요');
    expect(backend.requests.filter((r) => r.path === '/api/eligibility/check')).toEqual([]);
  });

  it('never holds the resident registration number', async () => {
    await openForm(child, 'child');
    await fillStep(page, formSteps(child)[1]!, { values: { 'child.name': '김아동', 'child.birthDate': '2015-03-10', rrn: '150310-3123456', 'child.inHighSchool': 'false' } });
    await next(page, child);
    const draft = (await draftOf('child-adolescent'))!;
    expect(JSON.parse(draft)).toMatchObject({ programme: 'child-adolescent', step: 'applicant', answers: { child: { name: '김아동', birthDate: '2015-03-10', inHighSchool: false } } });
    expect(draft).not.toMatch(/rrn|3123456/);
    await page.reload();
    await onStep(page, 'applicant');
    await page.click('#step-back');
    await onStep(page, 'child');
    expect(await value('child.name')).toBe('김아동');
    expect(await value('rrn')).toBe('');
  });
});

describe('the check-your-answers page', () => {
  it('lists every answer, and a change returns to its step and back', async () => {
    await openForm(youth);
    await fillSteps(page, youth, youthAnswers);
    await onStep(page, REVIEW);
    expect(await page.textContent('[data-answer="applicant.name"]')).toBe('김돌봄');
    expect(await page.textContent('[data-answer="applicant.birthDate"]')).toBe('1998년 4월 2일');
    expect(await page.textContent('[data-answer="leavingCare"]')).toBe('예');
    expect(await page.textContent('[data-answer="otherYouthCounselling"]')).toBe('아니오');
    expect(await page.textContent('[data-answer="applicant.email"]')).toBe('입력하지 않음');
    expect(await page.locator('.review-step').count()).toBe(formSteps(youth).length - 1);

    await page.click('.review-step[data-step="applicant"] a.change');
    await onStep(page, 'applicant');
    expect(new URL(page.url()).searchParams.get('then')).toBe(REVIEW);
    expect(await page.textContent('#step-next')).toBe('확인 페이지로 돌아가기');
    await page.fill(`#${fieldDomId('applicant.phone')}`, '010-9999-8888');
    await page.click('#step-next');
    await onStep(page, REVIEW);
    expect(await page.textContent('[data-answer="applicant.phone"]')).toBe('010-9999-8888');

    await consentAndSubmit(page);
    await page.locator('#receipt-number').waitFor();
    expect(sent().answers.applicant.phone).toBe('010-9999-8888');
  });

  it('asks for the consents before it sends anything', async () => {
    await openForm(youth);
    await fillSteps(page, youth, youthAnswers, { consent: false });
    await page.click('#submit-application');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.locator('#error-summary li').allTextContents()).toEqual([
      '신청하려면 개인정보 수집·이용에 동의해야 합니다',
      '신청하려면 민감정보(건강정보) 처리에 별도로 동의해야 합니다',
    ]);
    expect(new URL(page.url()).searchParams.get('step')).toBe(REVIEW);
    expect(backend.requests.filter((r) => r.path === '/api/applications')).toEqual([]);
  });
});

it('moves between steps with the browser’s Back and Forward, keeping the answers', async () => {
  await openForm(youth);
  await fillSteps(page, youth, youthAnswers, { until: 'service' });
  await page.goBack();
  await onStep(page, 'situation');
  expect(await checked('leavingCare', 'true')).toBe(true);
  await page.goBack();
  await onStep(page, 'applicant');
  expect(await value('applicant.name')).toBe('김돌봄');
  await page.goForward();
  await onStep(page, 'situation');
  await page.goForward();
  await onStep(page, 'service');
  expect(await checked('counsellorType', 'A')).toBe(true);
  // No answer ever travels in the address.
  expect(page.url()).not.toMatch(/%EA|1998|1234/);
});

it('takes a whole application with the keyboard alone', async () => {
  await openForm(youth);
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const type = async (name: string, text: string) => {
    await tabTo(`#${fieldDomId(name)}`);
    await page.keyboard.type(text);
  };
  const nextStep = async (step: string) => {
    await tabTo('#step-next');
    await page.keyboard.press('Enter');
    await onStep(page, step);
  };

  // Who applies: 본인, the first choice, with the space bar.
  await tabTo(`#${fieldDomId('submitter.who')}-0`);
  await page.keyboard.press('Space');
  await nextStep('applicant');
  await type('applicant.name', '김돌봄');
  // A date field is typed segment by segment in the order of Chromium's own language (from the
  // environment on Linux): month and day move on after two digits, the year (up to six) with the arrow.
  await tabTo(`#${fieldDomId('applicant.birthDate')}`);
  const ui = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'C';
  const order = ui.startsWith('ko') ? ['1998', '04', '02'] : /^(en_US|C|POSIX)/.test(ui) ? ['04', '02', '1998'] : ['02', '04', '1998'];
  for (const segment of order) {
    await page.keyboard.type(segment);
    if (segment.length === 4) await page.keyboard.press('ArrowRight');
  }
  await type('applicant.phone', '010 1234 5678');
  await tabTo(`#${fieldDomId('applicant.district')}`);
  const district = youth.sections.flatMap((s) => s.fields).find((f) => f.name === 'applicant.district')!.options!.findIndex((o) => o.value === '11440');
  for (let i = 0; i <= district; i++) await page.keyboard.press('ArrowDown');
  await type('applicant.address', '서울특별시 마포구 월드컵북로 212');
  await nextStep('situation');
  for (const name of ['leavingCare', 'referredByMentalHealthCentre', 'otherYouthCounselling']) {
    await tabTo(`#${fieldDomId(name)}-0`);
    await page.keyboard.press('ArrowRight'); // 아니오
  }
  await nextStep('service');
  await tabTo(`#${fieldDomId('counsellorType')}-0`);
  await page.keyboard.press('Space');
  await nextStep('preferences');
  await nextStep(REVIEW);
  await tabTo(`#${fieldDomId('consent.general.agreed')}`);
  await page.keyboard.press('Space');
  await tabTo(`#${fieldDomId('consent.sensitive.agreed')}`);
  await page.keyboard.press('Space');
  await tabTo('#submit-application');
  await page.keyboard.press('Enter');
  await page.locator('#receipt-number').waitFor();

  expect(sent().answers).toMatchObject({
    // As typed: the server's schema, the one the page checked with, keeps it as 010-1234-5678.
    applicant: { name: '김돌봄', birthDate: '1998-04-02', phone: '010 1234 5678', district: '11440' },
    leavingCare: false,
    referredByMentalHealthCentre: false,
    otherYouthCounselling: false,
    counsellorType: 'A',
  });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('receipt-title');
});

describe.each(programmes.map((p) => [p.id, p] as const))('axe-core on the %s form', (_id, programme) => {
  it('finds no serious or critical violation on any step, with errors shown, the check-your-answers page or the receipt', async () => {
    const filled = everyFieldCases.find((c) => c.programme === programme.id)!;
    await openForm(programme);
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    expect(await seriousViolations(page), 'first step with errors').toEqual([]);
    for (const step of formSteps(programme)) {
      await fillEveryField(page, programme, filled, { until: step.id });
      expect(await seriousViolations(page), step.id).toEqual([]);
      if (step.id !== REVIEW) await next(page, programme);
    }
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();
    expect(await seriousViolations(page), 'receipt').toEqual([]);
  });
});

describe('on a 375 px phone', () => {
  it('goes through a whole application without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const shot = (name: string) => page.screenshot({ path: `${SHOTS}/form-${name}.png`, fullPage: true });
    await openForm(child);
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    await shot('0-errors');
    const answers: Answers = {
      values: {
        'child.name': '김아동',
        'child.birthDate': '2015-03-10',
        rrn: '150310-3123456',
        'applicant.name': '김돌봄',
        'applicant.birthDate': '1984-07-21',
        'applicant.phone': '010 1234 5678',
        'applicant.district': '11440',
        'applicant.address': '서울특별시 마포구 월드컵북로 212',
        relationToChild: 'parent',
        'household.size': '4',
        'household.monthlyIncome': '5,200,000',
        'household.category': 'general',
        serviceType: 'play-therapy',
      },
      skip: ['applicant.email', 'needEvidence.kind', 'needEvidence.issuedOn', 'preferences.counsellorGender', 'preferences.language', 'preferences.time'],
    };
    backend.on('POST', '/api/eligibility/check', () => ({
      status: 200,
      body: {
        outcome: 'needs-review',
        criteria: [{ id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '아동은 신청일 기준 만 10세로 18세 이하입니다', en: 'Aged 10' } }],
        reasons: [{ ko: '담당자 확인이 필요한 항목이 있습니다', en: 'A case manager needs to check some points' }],
        copay: { tier: 'tier2', ratePercent: 20, monthlyAmount: 32000, amountKrw: 32000 },
      },
    }));
    for (const [i, step] of formSteps(child).entries()) {
      await fillSteps(page, child, answers, { until: step.id });
      if (step.id === 'service') {
        await page.click('#check-eligibility');
        await page.locator('#eligibility-result [data-outcome]').waitFor();
        // On a phone the result is in view where the button was, not below the fold.
        expect(await page.evaluate(() => { const r = document.querySelector('#eligibility-result')!.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).toBe(true);
      }
      expect(await sideways(), step.id).toBe(0);
      await shot(`${i + 1}-${step.id}`);
      if (step.id !== REVIEW) await next(page, child);
    }
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();
    expect(await sideways()).toBe(0);
    await shot('9-receipt');
  });
});
