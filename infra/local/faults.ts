/**
 * Fault injection for drills, local cloud only: `DOLBOM_FAULTS=checkEligibility:TransactionConflict:2`
 * (comma-separated for more) makes the next 2 TransactWriteItems calls of the `checkEligibility`
 * handler fail as DynamoDB fails them under contention. The fault is an HTTP 400 answer that the real
 * SDK client parses into a real `TransactionCanceledException`, so handlers see exactly what AWS
 * sends. The local Lambda runtime installs it on the handlers' own client at start; handlers never
 * import this file, so no AWS bundle contains it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handlers, type HandlerId } from '../../functions/catalog';

export interface Fault {
  handler: HandlerId;
  kind: 'TransactionConflict';
  /** How many more calls fail. */
  remaining: number;
}

/** Reads `DOLBOM_FAULTS`; a typo fails the start, so a drill never runs without its fault. */
export function parseFaults(spec: string | undefined): Fault[] {
  if (!spec?.trim()) return [];
  return spec.split(',').map((entry) => {
    const [handler = '', kind, count] = entry.trim().split(':');
    const remaining = Number(count);
    if (!(handler in handlers) || kind !== 'TransactionConflict' || !Number.isInteger(remaining) || remaining < 1) {
      throw new Error(`DOLBOM_FAULTS: "${entry}" is not <handlerId>:TransactionConflict:<count>`);
    }
    return { handler: handler as HandlerId, kind, remaining };
  });
}

/**
 * Adds the faults to a DynamoDB client's middleware stack, innermost (where the HTTP call would be),
 * so the client's own deserializer and retry strategy handle the answer as they would DynamoDB's.
 */
export function injectFaults(
  client: Pick<DynamoDBClient, 'middlewareStack'>,
  faults: Fault[],
  runningHandler: () => HandlerId | undefined,
): void {
  if (faults.length === 0) return;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const handler = runningHandler();
      const fault =
        context.commandName === 'TransactWriteItemsCommand' ? faults.find((f) => f.handler === handler && f.remaining > 0) : undefined;
      if (!fault) return next(args);
      fault.remaining--;
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems ?? [];
      return { response: transactionConflict(items.length) };
    },
    { step: 'deserialize', priority: 'low', name: 'dolbomLocalFaults' },
  );
  for (const fault of faults) console.warn(`[faults] the next ${fault.remaining} TransactWriteItems of ${fault.handler} fail with ${fault.kind}`);
}

/** DynamoDB's answer when another transaction holds the first item: one reason per item, in order. */
function transactionConflict(itemCount: number) {
  const codes = Array.from({ length: Math.max(itemCount, 1) }, (_, i) => (i === 0 ? 'TransactionConflict' : 'None'));
  const body = {
    __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
    CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: 'Transaction is ongoing for the item' })),
    Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
  };
  return {
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'local-fault' },
    body: new TextEncoder().encode(JSON.stringify(body)),
  };
}
