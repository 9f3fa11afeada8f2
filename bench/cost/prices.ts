/**
 * AWS list prices the cost section uses, Asia Pacific (Seoul) ap-northeast-2 where we could read
 * them, on-demand, first pricing tier, without free tiers. Each says where it comes from; change a
 * price here and the report says what it used.
 */
export interface Price {
  /** What is billed, as the report's price table names it. */
  item: string;
  usd: number;
  /** The unit the price is per. */
  per: string;
  /** How many units the price is for (1 million requests: 1e6). */
  quantity: number;
  source: string;
}

export const prices = {
  stateTransition: {
    item: 'Step Functions Standard, state transitions',
    usd: 0.0271,
    per: '1,000 transitions',
    quantity: 1_000,
    source: 'aws.amazon.com/step-functions/pricing, Asia Pacific (Seoul); retries are billed as transitions',
  },
  lambdaGbSecondArm: {
    item: 'Lambda duration, arm64',
    usd: 0.0000133334,
    per: 'GB-second',
    quantity: 1,
    source: 'aws.amazon.com/lambda/pricing, first tier (Seoul lists the same as us-east-1); billed per 1 ms',
  },
  lambdaRequest: {
    item: 'Lambda requests',
    usd: 0.2,
    per: '1 million requests',
    quantity: 1_000_000,
    source: 'aws.amazon.com/lambda/pricing (Seoul lists the same as us-east-1)',
  },
  dynamodbWrite: {
    item: 'DynamoDB on-demand, write request units',
    usd: 0.68,
    per: '1 million WRU',
    quantity: 1_000_000,
    source: 'AWS Price List, AmazonDynamoDB APN2-WriteRequestUnits (Standard table class); a transactional write is 2 WRU per KB',
  },
  dynamodbRead: {
    item: 'DynamoDB on-demand, read request units',
    usd: 0.1355,
    per: '1 million RRU',
    quantity: 1_000_000,
    source: 'AWS Price List, AmazonDynamoDB APN2-ReadRequestUnits; strongly consistent 1 RRU per 4 KB, eventual ½, transactional 2',
  },
  httpApiRequest: {
    item: 'API Gateway HTTP API requests',
    usd: 1.0,
    per: '1 million requests',
    quantity: 1_000_000,
    source: 'aws.amazon.com/api-gateway/pricing, us-east-1 first 300 million: the Seoul price was not at hand (it may be up to ~1.3× this)',
  },
} as const satisfies Record<string, Price>;

export type Prices = { [K in keyof typeof prices]: Price };

/** Korean won per US dollar for the KRW column; BENCH_KRW_PER_USD changes it. */
export const DEFAULT_KRW_PER_USD = 1400;
