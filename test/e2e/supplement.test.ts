/**
 * The status page's answer to a supplement request in a real browser, against a fake API that
 * records requests: what it shows of the request, the presigned PUT of the file, and the answer sent.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';

const session = browserSession();
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

const view = {
  applicationId,
  receiptNumber: 'DB-2026-7K3M9Q2X',
  programme: 'youth',
  district: '11440',
  status: 'supplement-requested',
  statusLabel: { ko: '보완 서류·내용 제출 필요', en: 'We need more from you' },
  period: 1,
  submittedAt: '2026-03-02T01:15:00.000Z',
  updatedAt: '2026-03-03T01:15:00.000Z',
  timeline: [],
  supplement: {
    round: 1,
    dueAt: '2026-03-17T01:15:00.000Z',
    message: '신분증 사본을 올려 주시고, 연락처를 확인해 주세요.',
    documents: [{ id: 'identity', label: { ko: '신분증(나이 확인)', en: 'Identity card (to confirm age)' } }],
    fields: [{ name: 'applicant.phone', label: { ko: '연락처', en: 'Phone' }, input: 'tel', current: '010-5555-0000' }],
    limits: { maxBytes: 10 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'], text: { ko: 'PDF, JPEG, PNG 파일, 한 파일에 10MB까지', en: 'PDF, JPEG or PNG files, up to 10 MB each' } },
  },
};

async function openStatus() {
  backend.on('POST', '/api/applications/lookup', () => ({ status: 200, body: view }));
  await page.goto(`${backend.url}/status.html`);
  await page.fill('#receipt-number', 'DB-2026-7K3M9Q2X');
  await page.fill('#access-code', 'R4TW-9XK2-MP7D');
  await page.click('#look-up');
  await page.locator('#supplement').waitFor();
}

describe('status page: answering a supplement', () => {
  it('shows what is asked in plain words, uploads the file to its presigned address and sends the answer', async () => {
    backend.on('POST', `/api/applications/${applicationId}/supplement/uploads`, () => ({
      status: 200,
      body: { round: 1, uploads: [{ documentId: 'identity', uploadId: 'u-1', method: 'PUT', url: `${backend.url}/local/upload/u-1`, headers: { 'content-type': 'application/pdf' } }] },
    }));
    backend.on('PUT', '/local/upload/u-1', () => ({ status: 200 }));
    backend.on('POST', `/api/applications/${applicationId}/supplement`, () => ({ status: 202, body: { round: 1, state: 'answered' } }));
    await openStatus();

    expect(await page.textContent('#supplement-message')).toBe(view.supplement.message);
    expect(await page.textContent('#supplement')).toContain('신분증(나이 확인)');
    expect(await page.textContent('#supplement')).not.toContain('identity');
    expect(await page.inputValue('#supplement-field-0')).toBe('010-5555-0000');

    await page.setInputFiles('#supplement-file-identity', { name: 'id.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.fill('#supplement-field-0', '010-1111-2222');
    await page.fill('#supplement-note', '신분증 사본입니다.');
    await page.click('#supplement-send');
    await page.locator('#supplement-sent').waitFor();

    const asked = backend.requests.find((r) => r.path.endsWith('/supplement/uploads'))!;
    expect(asked.headers['x-access-code']).toBe('R4TW-9XK2-MP7D');
    expect(asked.body).toEqual({ documents: [{ documentId: 'identity', contentType: 'application/pdf', size: pdf.byteLength }] });
    const put = backend.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['content-type']).toBe('application/pdf');
    expect(put.body).toBe(pdf.toString('utf8'));
    const sent = backend.requests.find((r) => r.path.endsWith('/supplement') && r.method === 'POST')!;
    expect(sent.body).toEqual({ documents: [{ documentId: 'identity', uploadId: 'u-1' }], fields: { 'applicant.phone': '010-1111-2222' }, note: '신분증 사본입니다.' });
  });

  it('refuses a file that is not a PDF, JPEG or PNG before asking for an address', async () => {
    await openStatus();
    await page.setInputFiles('#supplement-file-identity', { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.click('#supplement-send');
    await page.locator('#supplement-status .error').waitFor();
    expect(await page.textContent('#supplement-status')).toContain('PDF, JPEG, PNG');
    expect(backend.requests.some((r) => r.path.includes('/supplement'))).toBe(false);
  });
});
