import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, createDynamoDbClient } from '../infra/local/dynamodb';
const db = await startDynamoDbLocal({ port: 18777, dataDir: '/tmp/probe-ddb' });
const client = createDynamoDbClient(db.endpoint);
await client.send(new CreateTableCommand({ TableName: 'ttt', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' })).catch(() => {});
const doc = DynamoDBDocumentClient.from(client);
const cmd = () => new TransactWriteCommand({ ClientRequestToken: 'tok-' + process.pid, TransactItems: [{ Put: { TableName: 'ttt', Item: { pk: 'a' + process.pid }, ConditionExpression: 'attribute_not_exists(pk)' } }] });
console.log('first', (await doc.send(cmd())).$metadata.httpStatusCode);
try { console.log('second', (await doc.send(cmd())).$metadata.httpStatusCode); } catch (e) { console.log('second failed', (e as Error).name, (e as any).CancellationReasons); }
await db.stop();
