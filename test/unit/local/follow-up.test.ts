import { describe, expect, it } from 'vitest';
import { followUpCommands } from '../../../infra/local/follow-up';
import { openCallback } from '../../../infra/local/task-token';

const printed = followUpCommands({
  ports: { api: 3107, sfn: 8187, dynamodb: 8007, s3: 4577 },
  lifecycleArn: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle',
  staff: [{ username: 'caseworker.jongno' }, { username: 'provider.maeum', agency: 'P-MAEUMSUP' }],
  timings: { totalMs: 9400, synthMs: 3100 },
});
const line = (start: string) => printed.split('\n').find((l) => l.trimStart().startsWith(start))!;

describe('followUpCommands (what npm start prints)', () => {
  it('uses the ports in use everywhere, never the defaults', () => {
    for (const port of ['3107', '8187', '8007', '4577']) expect(printed).toContain(port);
    for (const port of ['3000', '8083', '8000', '4569']) expect(printed).not.toMatch(new RegExp(`\\b${port}\\b`));
  });

  it('prints the clock command with the API port it must reach', () => {
    expect(line('Clock')).toContain('PORT=3107 npm run clock -- +30d');
  });

  it('prints one command for the task token, and send-task-success using it, against the Step Functions port', () => {
    expect(line('Task token')).toContain('SFN_PORT=8187 npm run -s task-token -- <applicationId>');
    expect(line('Answer a task')).toContain('--endpoint-url http://localhost:8187');
    expect(line('Answer a task')).toContain('--task-token "$(SFN_PORT=8187 npm run -s task-token -- <applicationId>)"');
  });

  it("exports the variables the README's walk-through reads", () => {
    expect(printed).toContain('export API=http://localhost:3107 SFN=http://localhost:8187 PORT=3107 SFN_PORT=8187');
    expect(line('curl -s -X POST')).toContain('http://localhost:3107/local/auth/sign-in');
    expect(line('Executions')).toContain('--endpoint-url http://localhost:8187 --state-machine-arn arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle');
    expect(printed).toContain('provider.maeum (P-MAEUMSUP)');
  });
});

describe('openCallback (the task-token command)', () => {
  const entered = (name: string) => ({ type: 'TaskStateEntered', stateEnteredEventDetails: { name } });
  const scheduled = (payload: unknown) => ({ type: 'TaskScheduled', taskScheduledEventDetails: { parameters: JSON.stringify({ Payload: payload }) } });

  it('finds the token of the callback still waiting', () => {
    const events = [entered('CheckEligibility'), scheduled({ applicationId: 'A1' }), { type: 'TaskSucceeded' }, entered('CaseManagerReview'), scheduled({ applicationId: 'A1', taskToken: 'tok-1' })];
    expect(openCallback(events as never)).toEqual({ state: 'CaseManagerReview', taskToken: 'tok-1' });
  });

  it('finds nothing once the callback was answered or timed out', () => {
    const answered = [entered('CaseManagerReview'), scheduled({ taskToken: 'tok-1' }), { type: 'TaskSucceeded' }];
    expect(openCallback(answered as never)).toBeUndefined();
    const lapsed = [entered('ProviderOffer'), scheduled({ taskToken: 'tok-2' }), { type: 'TaskTimedOut' }, entered('ExpireProviderOffer'), scheduled({ applicationId: 'A1' })];
    expect(openCallback(lapsed as never)).toBeUndefined();
  });
});
