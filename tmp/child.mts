import { clientsFor, eventually } from '../test/support/clients';
import { childExample, patched } from '../test/support/answers';
import { SendTaskSuccessCommand, ListExecutionsCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
const local = clientsFor({ api: 'http://127.0.0.1:3320', sfn: 'http://127.0.0.1:3321', dynamodb: 'http://127.0.0.1:3322' });
for (let i = 0; i < 60; i++) { try { if ((await fetch('http://127.0.0.1:3320/local/health')).ok) break; } catch {} await new Promise(r => setTimeout(r, 1000)); }
const answers = patched(childExample as never, { applicant: { district: '11110' } });
const r = await local.http('POST', '/api/applications', { programme: 'child-adolescent', answers }, { 'idempotency-key': crypto.randomUUID() });
const id = r.body.applicationId; const arn = (n: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${n}`;
const answer = async (exec: string, state: string, out: unknown) => { const t = await eventually(() => local.latestTaskToken(arn(exec), state), state, 20000); await local.sfn.send(new SendTaskSuccessCommand({ taskToken: t, output: JSON.stringify(out) })); };
await answer(id, 'CaseManagerReview', { decision: 'approve' });
await answer(id, 'ProviderOffer', { decision: 'accept' });
await new Promise(r => setTimeout(r, 2000));
await local.advanceClock('+121d');
await new Promise(r => setTimeout(r, 3000));
const { executions } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle' }));
console.log(executions!.map(e => `${e.name} ${e.status}`));
for (const e of executions!) {
  const h = await local.history(e.executionArn!);
  console.log(e.name, h.slice(-8).map(x => `${x.type}:${x.stateEnteredEventDetails?.name ?? ''}${JSON.stringify(x.taskFailedEventDetails ?? x.lambdaFunctionFailedEventDetails ?? x.executionFailedEventDetails ?? '').slice(0,300)}`));
}
