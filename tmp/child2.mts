import { clientsFor, eventually } from '../test/support/clients';
import { childExample, patched } from '../test/support/answers';
import { SendTaskSuccessCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
const local = clientsFor({ api: 'http://127.0.0.1:3320', sfn: 'http://127.0.0.1:3321', dynamodb: 'http://127.0.0.1:3322' });
const answers = patched(childExample as never, { applicant: { district: '11110', name: '테스트' } });
const r = await local.http('POST', '/api/applications', { programme: 'child-adolescent', answers }, { 'idempotency-key': crypto.randomUUID() });
const { applicationId: id, accessCode } = r.body; const arn = (n: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${n}`;
const answer = async (exec: string, state: string, out: unknown) => { const t = await eventually(() => local.latestTaskToken(arn(exec), state), state, 20000); await local.sfn.send(new SendTaskSuccessCommand({ taskToken: t, output: JSON.stringify(out) })); };
await answer(id, 'CaseManagerReview', { decision: 'approve' });
await answer(id, 'ProviderOffer', { decision: 'accept' });
let last = '';
for (let d = 0; d < 400; d++) {
  await local.advanceClock('+1d');
  const s = (await local.http('GET', `/api/applications/${id}`, undefined, { 'x-access-code': accessCode })).body;
  const key = `${s.status} p${s.period}`;
  if (key !== last) { console.log(d, key, JSON.stringify(s.servicePeriod)); last = key; }
  if (s.status === 'reassessment') break;
}
const { executions } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle' }));
console.log(executions!.filter(e => e.name!.startsWith(id)).map(e => `${e.name!.slice(id.length)} ${e.status}`));
const h = await local.history(arn(id));
console.log(h.slice(-14).map(x => `${x.type}:${x.stateEnteredEventDetails?.name ?? ''}${JSON.stringify(x.taskFailedEventDetails ?? x.lambdaFunctionFailedEventDetails ?? x.executionFailedEventDetails ?? '').slice(0,400)}`).join('\n'));
