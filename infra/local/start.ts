import { execFileSync } from 'node:child_process';
import { defaultDataDir, startLocalCloud, type LocalCloud } from './cloud';
import { followUpCommands } from './follow-up';
import { seededStaff } from './seed';

// `npm start`: the whole system on this machine. Ports come from PORT, SFN_PORT, DYNAMODB_PORT, S3_PORT.

// Node 20 is supported for local work (Lambda runs Node 22); the SDK's upgrade notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
function javaMissing(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

if (javaMissing()) {
  console.error(
    'Java 17+ is needed for DynamoDB Local and was not found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
      '  macOS:         brew install openjdk@17\n' +
      'Then run `npm start` again.',
  );
  process.exit(1);
}

// Signals are handled from the first moment, so a Ctrl-C during start-up stops what has started.
let cloud: LocalCloud | undefined;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Still starting: exiting runs DynamoDB Local's exit hook, so no database is left orphaned.
    if (!cloud) {
      console.log('\nStopped while starting.');
      process.exit(1);
    }
    console.log('\nStopping: requests in flight finish, new ones get 503; executions stay checkpointed and resume on the next `npm start`.');
    const stopStarted = Date.now();
    const drained = await cloud.stop();
    console.log(
      `Stopped in ${Date.now() - stopStarted} ms: ${drained.inFlight} requests in flight drained in ${drained.drainMs} ms` +
        `${drained.cut ? ` (${drained.cut} cut at the bound)` : ''}, ${drained.refused} answered 503.`,
    );
    process.exit(0);
  });
}

const ports = {
  api: Number(process.env.PORT ?? 3000),
  sfn: Number(process.env.SFN_PORT ?? 8083),
  dynamodb: Number(process.env.DYNAMODB_PORT ?? 8000),
  s3: Number(process.env.S3_PORT ?? 4569),
};
cloud = await startLocalCloud({
  dataDir: process.env.DOLBOM_DATA_DIR ?? defaultDataDir,
  port: ports.api,
  sfnPort: ports.sfn,
  dynamodbPort: ports.dynamodb,
  s3Port: ports.s3,
  log: process.env.DOLBOM_LOG === 'silent' ? undefined : (line) => console.log(`[sfn] ${line}`),
});

console.log(followUpCommands({ ports, lifecycleArn: cloud.lifecycleArn, staff: seededStaff, timings: cloud.timings }));
