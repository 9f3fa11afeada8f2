/**
 * The citizen portal in a real browser (Debian's Chromium through playwright-core). The pages are
 * built with `buildWeb` into a temporary folder and served with a fake API that records requests:
 * what is under test is the page — its form in steps rendered from the programme definitions, its
 * validation with the server's zod schema, and its one-application-per-form-session submission.
 * The journeys through the steps (drafts, check your answers, keyboard, phone, axe) are in
 * application-steps.test.ts.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldErrors, getProgramme, prescreenSchema, programmes, submissionSchema, type AnyProgramme, type FieldError, type FormSection } from '../../forms';
import { answerAt } from '../../forms/answers';
import { buildWeb } from '../../web/build';
import { errorDomId, fieldDomId, helpDomId } from '../../web/src/lib/field-ids';
import { schemaPaths, valuePaths } from '../support/answer-paths';
import { consentAndSubmit, fillSteps, formSteps, next, onStep, openForm as open, precheckStep, REVIEW, type Answers } from './support/application-steps';
import { browserSession } from './support/browser-session';
import { everyFieldCases, fillEveryField, personalValues } from './support/every-field';
import type { FakeBackend } from './support/fake-backend';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const apiCalls = (method?: string, path?: string) =>
  backend.requests.filter((r) => (!method || r.method === method) && (path ? r.path === path : r.path.startsWith('/api/')));

const openForm = (programme: AnyProgramme, step?: string) => open(page, backend.url, programme, step);
const youth = getProgramme('youth');
const fill = (name: string, value: string) => page.fill(`#${fieldDomId(name)}`, value);
const choose = (name: string, value: string) => page.check(`#${fieldDomId(name)} input[value="${value}"]`);

const applicant = (birthDate: string) => ({
  'applicant.name': '김돌봄',
  'applicant.birthDate': birthDate,
  'applicant.phone': '010 1234 5678',
  'applicant.district': '11440',
  'applicant.address': '서울특별시 마포구 월드컵북로 212',
});
const youthAnswers: Answers = { values: { ...applicant('1998-04-02'), counsellorType: 'A' }, skip: ['applicant.email', 'concerns', 'preferences.counsellorGender', 'preferences.language', 'preferences.time'] };
const childAnswers: Answers = {
  values: {
    'child.name': '김아동',
    'child.birthDate': '2015-03-10',
    rrn: '150310-3123456',
    ...applicant('1984-07-21'),
    relationToChild: 'parent',
    'household.size': '4',
    'household.monthlyIncome': '5,200,000',
    'household.category': 'general',
    serviceType: 'play-therapy',
  },
  skip: ['applicant.email', 'needEvidence.kind', 'needEvidence.issuedOn', 'preferences.counsellorGender', 'preferences.language', 'preferences.time'],
};

/** The youth form filled in up to the check-your-answers page, consents ticked. */
async function fillYouth(): Promise<void> {
  await openForm(youth);
  await fillSteps(page, youth, youthAnswers);
  await page.check(`#${fieldDomId('consent.general.agreed')}`);
  await page.check(`#${fieldDomId('consent.sensitive.agreed')}`);
}

const eligibleYouth = {
  outcome: 'eligible',
  criteria: [{ id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '28세', en: 'Aged 28' } }],
  reasons: [{ ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' }],
  copay: { tier: 'youth', ratePercent: 10, packageAmount: 60000, amountKrw: 60000 },
  priority: { rank: 3, reason: { ko: '일반', en: 'General' } },
  ruleVersion: { programme: 'youth', definitionVersion: '2026.1', incomeTableYear: 2026 },
  decidedAt: '2026-03-02',
};

const receipt = { applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF', receiptNumber: 'DB-2026-7K3M9Q2X', accessCode: 'R4TW-9XK2-MP7D' };

/**
 * What the form sends for an untouched form: nothing for an empty answer or an unanswered yes/no
 * question (the objects holding required answers exist), `[]` for an unticked multi-choice or
 * repeated section, `false` for an unticked consent, with the version of the text shown.
 */
function untouchedAnswers(programme: AnyProgramme): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const at = (dotPath: string, value?: unknown) => {
    const keys = dotPath.split('.');
    let node = answers;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    if (value !== undefined) node[keys[keys.length - 1]!] = value;
  };
  for (const section of programme.sections) {
    if (section.repeat) {
      at(section.repeat.path, []);
      continue;
    }
    for (const field of section.fields.filter((f) => !f.showIf)) {
      if (field.input === 'checkbox') at(field.name, field.options ? [] : false);
      else if (field.required) at(field.name);
    }
  }
  const consent = answers.consent as Record<string, Record<string, unknown>>;
  for (const kind of ['general', 'sensitive'] as const) consent[kind]!.version = programme.consents[kind].version;
  return answers;
}

/** Whether an error (by answer path) is shown in a section of the form. */
function inSection(section: FormSection, field: string): boolean {
  if (section.id === field || section.repeat?.path === field) return true;
  return section.fields.some((f) => {
    const pattern = new RegExp(`^${f.name.replaceAll('.', '\\.').replace('*', '\\d+')}$`);
    return pattern.test(field) || f.name.startsWith(`${field}.`);
  });
}

/** The errors the server's schema gives for an untouched form, by answer path, on one step. */
function expectedErrors(programme: AnyProgramme, stepId: string): FieldError[] {
  const result = submissionSchema.safeParse({ programme: programme.id, answers: untouchedAnswers(programme) });
  expect(result.success).toBe(false);
  const step = formSteps(programme).find((s) => s.id === stepId)!;
  return fieldErrors(result.error!)
    .map((e) => ({ ...e, field: e.field.replace(/^answers\./, '') }))
    .filter((e) => step.sections.some((section) => inSection(section, e.field)));
}

describe('buildWeb', () => {
  it('can build into the same folder again and again without piling up old chunks', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'dolbom-web-rebuild-'));
    try {
      await buildWeb(outDir);
      const first = await readdir(outDir, { recursive: true });
      await buildWeb(outDir);
      expect((await readdir(outDir, { recursive: true })).sort()).toEqual(first.sort());
      expect(first).toEqual(expect.arrayContaining(['index.html', 'status.html', 'staff.html', 'citizen.js']));
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('citizen portal', () => {
  it('lists every programme and opens its form at the first step', async () => {
    await page.goto(backend.url);
    for (const programme of programmes) {
      await expect(page.locator(`[data-programme="${programme.id}"] h3`).textContent()).resolves.toBe(programme.name.ko);
    }
    await page.click(`[data-programme="youth"] a`);
    await page.locator('#application-form[data-programme="youth"]').waitFor();
    await onStep(page, 'submitter');
    expect(new URL(page.url()).searchParams.get('programme')).toBe('youth');
    expect(await page.textContent('#step-title')).toBe(`1/${formSteps(youth).length} 단계: 신청하는 분`);
  });

  describe.each(programmes.map((p) => [p.id, p] as const))('the %s form', (_id, programme) => {
    it('renders every field of the definition on its step, with its label, help and choices', async () => {
      const steps = formSteps(programme);
      for (const [i, step] of steps.entries()) {
        await openForm(programme, step.id);
        expect(await page.textContent('#step-title')).toBe(`${i + 1}/${steps.length} 단계: ${step.title.ko}`);
        for (const section of programme.sections) {
          expect(await page.isVisible(`#section-${section.id}`), section.id).toBe(step.sections.includes(section));
        }
        for (const section of step.sections) {
          if (section.repeat) await page.click(`#add-${section.id}`);
          for (const field of section.fields) {
            const name = field.name.replace('*', '0');
            const id = fieldDomId(name);
            const grouped = field.input === 'yesno' || ((field.input === 'radio' || field.input === 'checkbox') && field.options);
            const label = grouped ? page.locator(`#${id} > legend`) : page.locator(`label[for="${id}"]`);
            expect(await label.textContent(), name).toContain(field.label.ko);
            if (field.help) expect(await page.locator(`#${helpDomId(name)}`).textContent()).toBe(field.help.ko);
            if (field.input === 'yesno') expect(await page.locator(`#${id} label`).allTextContents()).toEqual(['예', '아니오']);
            else if (grouped) expect(await page.locator(`#${id} input`).count()).toBe(field.options!.length);
            if (field.input === 'select') expect(await page.locator(`#${id} option`).count()).toBe(field.options!.length + 1);
            if (field.input === 'date') expect(await page.getAttribute(`#${id}`, 'type')).toBe('date');
            // A field shown only for some answers starts hidden; the others are visible.
            expect(await page.locator(`#${id}`).first().isVisible(), name).toBe(!field.showIf);
          }
        }
      }
    });

    it('shows the schema’s Korean errors of each empty step next to its fields, sending nothing', async () => {
      for (const step of formSteps(programme)) {
        await openForm(programme, step.id);
        // Sending an empty application leads to the first step, with its errors.
        const expected = expectedErrors(programme, step.id === REVIEW ? formSteps(programme)[0]!.id : step.id);
        await page.click(step.id === REVIEW ? '#submit-application' : '#step-next');
        if (step.id === REVIEW) await onStep(page, formSteps(programme)[0]!.id);
        if (!expected.length) {
          // Nothing asked here is required: the person goes on.
          await page.waitForFunction((id) => new URLSearchParams(location.search).get('step') !== id, step.id);
          continue;
        }
        await page.locator('#error-summary li').first().waitFor();
        for (const error of expected) {
          const message = page.locator(`#${errorDomId(error.field)}`);
          expect(await message.textContent(), error.field).toContain(error.message.ko);
          const input = page.locator(`#${fieldDomId(error.field)}`).locator('xpath=self::input|self::select|self::textarea|.//input').first();
          expect(await input.getAttribute('aria-invalid'), error.field).toBe('true');
          expect((await input.getAttribute('aria-describedby'))?.split(' '), error.field).toContain(errorDomId(error.field));
        }
        expect(await page.locator('#error-summary li').count(), step.id).toBe(expected.length);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
        if (step.id !== REVIEW) expect(new URL(page.url()).searchParams.get('step')).toBe(step.id);
      }
      expect(apiCalls()).toEqual([]);
    });
  });

  it('switches the page and its errors to English and back', async () => {
    await openForm(youth, 'applicant');
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    await page.click('#lang-toggle');

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main h1').textContent()).toBe('Apply for Seoul social services');
    expect(await page.textContent('#step-title')).toBe(`Step 2 of ${formSteps(youth).length}: Applicant`);
    expect(await page.locator(`label[for="${fieldDomId('applicant.name')}"]`).textContent()).toContain('Applicant name');
    for (const error of expectedErrors(youth, 'applicant')) {
      expect(await page.locator(`#${errorDomId(error.field)}`).textContent(), error.field).toBe(error.message.en);
    }
    expect(await page.locator('#error-summary h2').textContent()).toBe('Please check your answers');

    await page.click('#lang-toggle');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    const [first] = expectedErrors(youth, 'applicant');
    expect(await page.locator(`#${errorDomId(first!.field)}`).textContent()).toBe(first!.message.ko);
    expect(apiCalls()).toEqual([]);
  });

  it('corrects an error as soon as the field is fixed, and takes a phone typed with spaces', async () => {
    await openForm(youth);
    await page.check(`#${fieldDomId('submitter.who')} input[value="self"]`);
    await next(page, youth);
    await page.click('#step-next');
    await fill('applicant.phone', '12345');
    await page.locator(`#${fieldDomId('applicant.phone')}`).blur();
    expect(await page.textContent(`#${errorDomId('applicant.phone')}`)).toBe('신청인 휴대전화는 010-1234-5678 형식의 휴대전화 번호여야 합니다');
    await fill('applicant.phone', '010 5555 0000');
    await page.locator(`#${fieldDomId('applicant.phone')}`).blur();
    expect(await page.isHidden(`#${errorDomId('applicant.phone')}`)).toBe(true);
    await fill('applicant.name', '김돌봄');
    await page.locator(`#${fieldDomId('applicant.name')}`).blur();
    expect(await page.isHidden(`#${errorDomId('applicant.name')}`)).toBe(true);
    expect(await page.getAttribute(`#${fieldDomId('applicant.name')}`, 'aria-invalid')).toBeNull();
  });

  it('refuses a future birth date on its step with the server’s message', async () => {
    await openForm(youth);
    await fillSteps(page, youth, { values: applicant('2030-01-01'), skip: ['applicant.email'] }, { until: 'applicant' });
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.textContent(`#${errorDomId('applicant.birthDate')}`)).toBe('신청인 생년월일은 신청일보다 늦을 수 없습니다');
    expect(await page.textContent('#error-summary li')).toBe('신청인 생년월일은 신청일보다 늦을 수 없습니다');
    expect(new URL(page.url()).searchParams.get('step')).toBe('applicant');
  });

  it('asks for the conditional answers of the chosen basis (parent programme)', async () => {
    const parent = getProgramme('parent');
    await openForm(parent);
    await fillSteps(page, parent, { values: { ...applicant('1984-07-21'), rrn: '840721-2123456', 'household.size': '3', 'household.monthlyIncome': '3000000', 'household.category': 'general', basis: 'relative-carer' }, skip: ['applicant.email', 'guardian.name', 'guardian.relation', 'guardian.phone', 'kinshipDegree', 'primaryCaregiver'] }, { until: 'basis' });
    expect(await page.isVisible(`#${fieldDomId('kinshipDegree')}`)).toBe(true);
    expect(await page.isVisible(`#${fieldDomId('facilityName')}`)).toBe(false);

    // The basis asks its own answers before the person goes on.
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.textContent(`#${errorDomId('kinshipDegree')}`)).toBe('아동과의 촌수는 필수 항목입니다');
    expect(await page.textContent(`#${errorDomId('primaryCaregiver')}`)).toBe('주 양육자 여부: 예 또는 아니오로 답해 주세요');
    await fill('kinshipDegree', '2');
    await choose('primaryCaregiver', 'false');
    await next(page, parent);

    // And a child, on the next step.
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.textContent('#section-children-error')).toBe('이 신청 자격으로는 양육하는 아동을 한 명 이상 입력해야 합니다');
    expect(apiCalls()).toEqual([]);

    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
    await fillSteps(page, parent, { values: { 'children.0.birthDate': '2016-09-30', 'children.0.relation': 'grandchild', 'children.0.hasServiceNeed': 'true' }, skip: ['preferences.counsellorGender', 'preferences.language', 'preferences.time'] });
    await consentAndSubmit(page);
    await page.locator('#receipt-number').waitFor();
    const [call] = apiCalls('POST', '/api/applications');
    expect(submissionSchema.safeParse(call!.body).success).toBe(true);
    expect(call!.body).toMatchObject({
      answers: { basis: 'relative-carer', kinshipDegree: 2, primaryCaregiver: false, childEmotionalProblem: false, children: [{ birthDate: '2016-09-30', relation: 'grandchild', hasServiceNeed: true }] },
    });
    expect(call!.body).not.toHaveProperty('answers.facilityName');
  });

  it('pre-checks right after the questions it reads, moves the focus to the result and announces it', async () => {
    const criteria = [
      { id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '만 10세로 18세 이하', en: 'Aged 10, at most 18' } },
      { id: 'income', label: { ko: '소득', en: 'Income' }, passed: true, reason: { ko: '기준 중위소득 80% (140% 이하)', en: '80% of median (at most 140%)' } },
      { id: 'need-evidence', label: { ko: '필요성 확인서류', en: 'Need evidence' }, passed: null, reason: { ko: '확인서류가 없어 담당자 확인 필요', en: 'No evidence yet: a case manager checks' } },
    ];
    backend.on('POST', '/api/eligibility/check', () => ({
      status: 200,
      body: {
        outcome: 'needs-review',
        criteria,
        reasons: [{ ko: '담당자 확인이 필요한 항목이 있습니다', en: 'A case manager needs to check some points' }],
        copay: { tier: 'tier2', ratePercent: 20, monthlyAmount: 32000, amountKrw: 32000 },
        priority: { rank: 1, reason: { ko: '신청 순서', en: 'Order of application' } },
        ruleVersion: { programme: 'child-adolescent', definitionVersion: '2026.1', incomeTableYear: 2026 },
        decidedAt: '2026-03-02',
      },
    }));
    const child = getProgramme('child-adolescent');
    await openForm(child);
    // Not offered before the answers it reads.
    expect(await page.isVisible('#check-eligibility')).toBe(false);
    await fillSteps(page, child, childAnswers, { until: precheckStep(child) });
    expect(precheckStep(child)).toBe('service');
    await page.click('#check-eligibility');
    await page.locator('#eligibility-result [data-outcome]').waitFor();

    expect(await page.textContent('#eligibility-result .outcome')).toBe('담당자 확인이 필요합니다');
    for (const criterion of criteria) {
      expect(await page.textContent(`#eligibility-result [data-criterion="${criterion.id}"]`)).toContain(criterion.reason.ko);
    }
    expect(await page.textContent('#eligibility-result .copay')).toBe('20% — 월 32,000원');
    expect(await page.getAttribute('#eligibility-result', 'role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('자격 미리 확인 결과');
    // Next to the button that asked, and in words: no rule version.
    expect(await page.evaluate(() => document.querySelector('#check-eligibility')!.nextElementSibling!.id)).toBe('eligibility-result');
    expect(await page.textContent('#eligibility-result')).not.toContain('2026.1');
    const [call] = apiCalls('POST', '/api/eligibility/check');
    expect(prescreenSchema.safeParse(call!.body).success).toBe(true);
    expect(call!.body).toMatchObject({ programme: 'child-adolescent', answers: { household: { monthlyIncome: 5_200_000 } } });
    expect(call!.body).not.toHaveProperty('answers.rrn');
    expect(apiCalls('POST', '/api/applications')).toEqual([]);
  });

  describe.each(everyFieldCases.map((c) => [c.title, c] as const))('with every field of %s filled in', (_title, filled) => {
    it('pre-checks with exactly what the rules read: no name, contact, address, guardian or registration number', async () => {
      const programme = getProgramme(filled.programme);
      backend.on('POST', '/api/eligibility/check', () => ({ status: 200, body: eligibleYouth }));
      backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
      await openForm(programme);
      await fillEveryField(page, programme, filled);
      // Back from the check-your-answers page to the pre-check, with every field filled in.
      await page.click(`.review-step[data-step="${precheckStep(programme)}"] a.change`);
      await onStep(page, precheckStep(programme));
      await page.click('#check-eligibility');
      await page.locator('#eligibility-result [data-outcome]').waitFor();
      await page.click('#step-next');
      await onStep(page, REVIEW);
      await page.click('#submit-application');
      await page.locator('#receipt-number').waitFor();

      const [check] = apiCalls('POST', '/api/eligibility/check');
      const [application] = apiCalls('POST', '/api/applications');
      const full = submissionSchema.parse(application!.body).answers;
      const read = schemaPaths(programme.eligibilitySchema).filter((p) => answerAt(full, p.replace('*', '0')) !== undefined);
      expect(Object.keys(check!.body as object).sort()).toEqual(['answers', 'programme']);
      expect(valuePaths((check!.body as { answers: unknown }).answers).sort()).toEqual(read.sort());
      expect(prescreenSchema.safeParse(check!.body).success).toBe(true);
      const sent = JSON.stringify(check!.body);
      for (const value of personalValues(programme)) expect(sent).not.toContain(value);
    });
  });

  it('refuses hidden characters in a name next to the field, and keeps the lines of the address', async () => {
    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
    await openForm(youth);
    await page.check(`#${fieldDomId('submitter.who')} input[value="self"]`);
    await next(page, youth);
    await fill('applicant.name', '김\u202E돌봄');
    await page.click('#step-next');
    await page.locator('#error-summary li').first().waitFor();
    expect(await page.textContent(`#${errorDomId('applicant.name')}`)).toBe(
      '신청인 이름에 보이지 않는 문자나 제어 문자(글자 방향 바꾸기, 폭 없는 공백 등)는 쓸 수 없습니다',
    );
    expect(await page.getAttribute(`#${fieldDomId('applicant.name')}`, 'aria-invalid')).toBe('true');

    await fillSteps(page, youth, { ...youthAnswers, values: { ...youthAnswers.values, 'applicant.address': '서울특별시 마포구 월드컵북로 212\n3층' } });
    await consentAndSubmit(page);
    await page.locator('#receipt-number').waitFor();
    const [call] = apiCalls('POST', '/api/applications');
    expect(call!.body).toMatchObject({ answers: { applicant: { name: '김돌봄', address: '서울특별시 마포구 월드컵북로 212\n3층' } } });
  });

  it('submits a valid form once, with an Idempotency-Key, and shows the receipt number and access code', async () => {
    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
    await fillYouth();
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();

    expect(await page.textContent('#receipt-number')).toBe(receipt.receiptNumber);
    expect(await page.textContent('#access-code')).toBe(receipt.accessCode);
    expect(await page.textContent('#note-codes')).toContain('지금 꼭 적어 두세요');
    const calls = apiCalls('POST', '/api/applications');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(calls[0]!.headers['content-type']).toMatch(/^application\/json/);
    const body = submissionSchema.safeParse(calls[0]!.body);
    expect(body.success).toBe(true);
    expect(body.data).toMatchObject({ programme: 'youth', answers: { applicant: { phone: '010-1234-5678' }, leavingCare: false } });
    // The access code never travels in an address, and the draft is gone once the application is in.
    expect(page.url()).not.toContain(receipt.accessCode);
    expect(await page.getAttribute('a[href^="status.html"]', 'href')).not.toContain(receipt.accessCode);
    expect(await page.evaluate(() => localStorage.getItem('dolbom.draft.youth'))).toBeNull();
  });

  it('sends the counsellor preferences chosen, and none when they are left alone (they are optional)', async () => {
    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
    const sent = async () => (apiCalls('POST', '/api/applications').at(-1)!.body as { answers: Record<string, unknown> }).answers;

    await fillYouth();
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();
    expect(await sent()).not.toHaveProperty('preferences');

    await openForm(youth);
    await fillSteps(page, youth, { values: { ...youthAnswers.values, 'preferences.counsellorGender': 'female', 'preferences.language': 'vi', 'preferences.time': 'evening' }, skip: ['applicant.email', 'concerns'] });
    await consentAndSubmit(page);
    await page.locator('#receipt-number').waitFor();
    expect(apiCalls('POST', '/api/applications')).toHaveLength(2);
    expect((await sent()).preferences).toEqual({ counsellorGender: 'female', language: 'vi', time: 'evening' });
  });

  it('sends one application for a double click, with the same key', async () => {
    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt, delayMs: 400 }));
    await fillYouth();
    await page.dblclick('#submit-application');
    await page.locator('#receipt-number').waitFor();

    // The second click finds the first still in flight and sends nothing; had it been sent, it
    // would carry the same key, and the server would answer it with the same application.
    const calls = apiCalls('POST', '/api/applications');
    expect(calls).toHaveLength(1);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(await page.textContent('#receipt-number')).toBe(receipt.receiptNumber);
  });

  it('retries after a server error with the same key, so the retry cannot make a second application', async () => {
    backend.on('POST', '/api/applications', (_request, calls) =>
      calls === 1 ? { status: 503, body: { message: 'Service Unavailable' } } : { status: 202, body: receipt },
    );
    await fillYouth();
    await page.click('#submit-application');
    await page.locator('#submit-status .error').waitFor();
    expect(await page.textContent('#submit-status')).toContain('다시 제출해도 신청이 두 번 접수되지 않습니다');
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();

    const keys = apiCalls('POST', '/api/applications').map((c) => c.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('starts a new key for a new form session', async () => {
    backend.on('POST', '/api/applications', () => ({ status: 202, body: receipt }));
    await fillYouth();
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();
    await fillYouth();
    await page.click('#submit-application');
    await page.locator('#receipt-number').waitFor();

    const keys = apiCalls('POST', '/api/applications').map((c) => c.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('shows the server’s 400 field messages on the step of their field, in both languages', async () => {
    const message = { ko: '신청인 생년월일은 신청일보다 늦을 수 없습니다', en: 'Applicant birth date cannot be after the application date' };
    backend.on('POST', '/api/applications', () => ({
      status: 400,
      body: {
        error: {
          code: 'invalid-input',
          message: { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' },
          fields: [{ field: 'answers.applicant.birthDate', code: 'date-after-application', message }],
        },
      },
    }));
    await fillYouth();
    await page.click('#submit-application');
    await onStep(page, 'applicant');
    await page.locator('#error-summary li').first().waitFor();

    expect(await page.textContent(`#${errorDomId('applicant.birthDate')}`)).toBe(message.ko);
    expect(await page.getAttribute(`#${fieldDomId('applicant.birthDate')}`, 'aria-invalid')).toBe('true');
    expect(await page.textContent('#error-summary h2')).toBe('입력값을 확인해 주세요.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await page.click('#lang-toggle');
    expect(await page.textContent(`#${errorDomId('applicant.birthDate')}`)).toBe(message.en);

    // The server judged it (its day may differ from the browser's), so the message stays until its own field is changed.
    await fill('applicant.name', '김돌봄 님');
    await page.locator(`#${fieldDomId('applicant.name')}`).blur();
    expect(await page.textContent(`#${errorDomId('applicant.birthDate')}`)).toBe(message.en);
    await fill('applicant.birthDate', '1998-04-03');
    expect(await page.isHidden(`#${errorDomId('applicant.birthDate')}`)).toBe(true);
    // Back to the check-your-answers page, which the person came from.
    await page.click('#step-next');
    await onStep(page, REVIEW);
  });
});
