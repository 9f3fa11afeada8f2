/**
 * What `npm start` prints once the local cloud is up: where everything listens and every follow-up
 * command of the README's walk-through, with the ports actually in use — a newcomer who started on
 * other ports (PORT, SFN_PORT, DYNAMODB_PORT, S3_PORT) copies these, not the README's defaults.
 */
export interface FollowUpInput {
  ports: { api: number; sfn: number; dynamodb: number; s3: number };
  lifecycleArn: string;
  staff: readonly { username: string; agency?: string }[];
  timings: { totalMs: number; synthMs: number };
}

export function followUpCommands({ ports, lifecycleArn, staff, timings }: FollowUpInput): string {
  const web = `http://localhost:${ports.api}`;
  const sfn = `http://localhost:${ports.sfn}`;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return `
Dolbom local cloud is up in ${seconds(timings.totalMs)} s (CDK synth ${seconds(timings.synthMs)} s)

  Web pages        ${web}/            citizen form and status
                   ${web}/staff.html  case-manager console
                   ${web}/provider.html  provider portal
  HTTP API         ${web}/api         OpenAPI: ${web}/api/openapi.json
  Step Functions   ${sfn}
  DynamoDB Local   http://localhost:${ports.dynamodb}
  S3 (s3rver)      http://127.0.0.1:${ports.s3}  documents bucket, data under the data folder's s3/
  Mailbox          ${web}/local/mailbox  the SMS and e-mail sent (JSON: /local/mailbox/messages)

In another terminal, these make the README's walk-through commands ($API, $SFN, npm run clock/task-token) use these ports:
  export API=${web} SFN=${sfn} PORT=${ports.api} SFN_PORT=${ports.sfn}
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=ap-northeast-2

  Executions       aws stepfunctions list-executions --endpoint-url ${sfn} --state-machine-arn ${lifecycleArn}
  Task token       SFN_PORT=${ports.sfn} npm run -s task-token -- <applicationId>
  Answer a task    aws stepfunctions send-task-success --endpoint-url ${sfn} --task-token "$(SFN_PORT=${ports.sfn} npm run -s task-token -- <applicationId>)" --task-output '{"decision":"approve"}'
  Clock            PORT=${ports.api} npm run clock -- +30d

Staff sign-in (password "dolbom-local"): ${staff.map((u) => (u.agency ? `${u.username} (${u.agency})` : u.username)).join(', ')}
  curl -s -X POST ${web}/local/auth/sign-in -H 'content-type: application/json' -d '{"username":"caseworker.jongno","password":"dolbom-local"}'

Ready.`;
}
