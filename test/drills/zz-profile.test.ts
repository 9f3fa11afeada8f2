import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { startDrillCloud } from '../support/drill-cloud';
import { inParallel, lifecycleDrive } from '../support/lifecycle-drive';

it('profile', { timeout: 900_000 }, async () => {
  const drill = await startDrillCloud('profile');
  console.log('dataDir', drill.dataDir);
  const drive = lifecycleDrive(drill.clients);
  const t0 = Date.now();
  const ids = await inParallel(Array.from({ length: 30 }), 8, async () => {
    const answers = patched(youthExample, { applicant: { district: '11110', name: `시험${randomUUID().slice(0, 8)}` } });
    const r = await drill.clients.http('POST', '/api/applications', { programme: 'youth', answers }, { 'idempotency-key': randomUUID() });
    return r.body.applicationId as string;
  });
  console.log('submitted', Date.now() - t0);
  const poll = Number(process.env.POLL ?? 200);
  const wait = async (pred: (s: string) => boolean, what: string) => {
    for (;;) {
      const st = await drive.caseStates(ids);
      if ([...st.values()].every((s) => pred(s.status))) break;
      await new Promise((r) => setTimeout(r, poll));
    }
    console.log(what, Date.now() - t0);
  };
  await wait((s) => s === 'awaiting-review', 'awaiting-review');
  await inParallel(ids, 8, (id) => drive.answer(id, 'CaseManagerReview', { decision: 'approve' }));
  console.log('approved', Date.now() - t0);
  for (;;) {
    const tokens = await inParallel(ids, 8, (id) => drive.openToken(id, 'ProviderOffer'));
    if (tokens.every(Boolean)) break;
    await new Promise((r) => setTimeout(r, poll));
  }
  console.log('offers open', Date.now() - t0);
  await inParallel(ids, 8, (id) => drive.answer(id, 'ProviderOffer', { decision: 'accept' }));
  await wait((s) => s === 'in-service', 'in-service');
  await new Promise((r) => setTimeout(r, 5000));
  await drill.process.stop();
});
