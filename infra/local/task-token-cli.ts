import { SFNClient } from '@aws-sdk/client-sfn';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './template';
import { waitingTask } from './task-token';

// `npm run -s task-token -- <applicationId>` prints the task token the application's workflow waits on,
// and nothing else, for `aws stepfunctions send-task-success --task-token "$(…)"`. Which state waits
// goes to stderr. The local Step Functions endpoint comes from SFN_PORT, as in `npm start`.

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const applicationId = process.argv[2];
const endpoint = `http://127.0.0.1:${process.env.SFN_PORT ?? 8083}`;
const lifecycleArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:dolbom-dev-lifecycle`;

if (!applicationId) {
  console.error('Usage: npm run -s task-token -- <applicationId>   (the applicationId of the 202 answer, A…)');
  process.exit(2);
}
const sfn = new SFNClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
try {
  const task = await waitingTask(sfn, lifecycleArn, applicationId);
  if (!task) {
    console.error(`Nothing of ${applicationId} waits on a task token right now (no running execution, or it is between two steps: try again in a moment).`);
    process.exit(1);
  }
  console.error(`${task.state} waits (${task.executionArn.split(':').pop()})`);
  console.log(task.taskToken);
} catch (error) {
  console.error(`Could not reach local Step Functions at ${endpoint}: ${(error as Error).message}. Is \`npm start\` running (with this SFN_PORT)?`);
  process.exit(1);
}
