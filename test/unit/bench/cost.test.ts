import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { figuresOf, transitions } from '../../../bench/lifecycle/executions';
import { lambdaEstimate, meterDelta, totals } from '../../../bench/lifecycle/usage';
import { costPerApplication, type MeteredUsage } from '../../../bench/cost/estimate';
import { prices } from '../../../bench/cost/prices';
import type { HandlerUsage, MeterSnapshot } from '../../../infra/local/usage-meter';

const usage_ = (fields: Partial<HandlerUsage> & { calls?: Record<string, number>; readUnits?: number; writeUnits?: number } = {}): HandlerUsage => ({
  invocations: fields.invocations ?? 0,
  failedInvocations: 0,
  durationMs: fields.durationMs ?? 0,
  billedMs: fields.billedMs ?? 0,
  dynamodbWaitMs: fields.dynamodbWaitMs ?? 0,
  dynamodbRoundTrips: fields.dynamodbRoundTrips ?? 0,
  dynamodb: {
    calls: fields.calls ?? {},
    readUnits: fields.readUnits ?? 0,
    writeUnits: fields.writeUnits ?? 0,
    transactionalReadUnits: 0,
    transactionalWriteUnits: 0,
    indexWriteUnits: 0,
    failedCalls: 0,
    failedItems: 0,
  },
});

describe('costPerApplication', () => {
  const metered: MeteredUsage = {
    applications: 10,
    transitions: 200,
    handlers: { checkEligibility: { invocations: 10, billedMs: 10_000 }, submitApplication: { invocations: 10, billedMs: 5_000 } },
    httpRequests: 10,
    readUnits: 1_000,
    writeUnits: 4_000,
  };

  it('prices each billed item per application at the list price and its unit', () => {
    const cost = costPerApplication(metered, prices, () => 1024, 1400);
    const line = (item: string) => cost.lines.find((l) => l.item === item)!;
    expect(line(prices.stateTransition.item)).toMatchObject({ quantity: 20 });
    expect(line(prices.stateTransition.item).usd).toBeCloseTo((20 * 0.0271) / 1000, 12);
    // 15 s of 1 GB over 10 applications: 1.5 GB-s each.
    expect(line(prices.lambdaGbSecondArm.item).quantity).toBeCloseTo(1.5, 12);
    expect(line(prices.lambdaGbSecondArm.item).usd).toBeCloseTo(1.5 * 0.0000133334, 12);
    expect(line(prices.lambdaRequest.item).usd).toBeCloseTo((2 * 0.2) / 1e6, 12);
    expect(line(prices.dynamodbWrite.item).usd).toBeCloseTo((400 * 0.68) / 1e6, 12);
    expect(line(prices.dynamodbRead.item).usd).toBeCloseTo((100 * 0.1355) / 1e6, 12);
    expect(line(prices.httpApiRequest.item).usd).toBeCloseTo(1e-6, 12);
  });

  it('adds the lines up, converts at the rate given and names what costs most', () => {
    const cost = costPerApplication(metered, prices, () => 1024, 1400);
    expect(cost.usd).toBeCloseTo(cost.lines.reduce((s, l) => s + l.usd, 0), 15);
    expect(cost.krw).toBeCloseTo(cost.usd * 1400, 12);
    expect(cost.lines.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 12);
    expect(cost.dominant.item).toBe(prices.stateTransition.item);
  });

  it("bills each function's duration at its own memory", () => {
    const half = costPerApplication(metered, prices, (h) => (h === 'checkEligibility' ? 512 : 1024), 1400);
    // 10 s at 0.5 GB and 5 s at 1 GB: 1 GB-s per application.
    expect(half.gbSeconds).toBeCloseTo(1, 12);
  });
});

describe('transitions from execution histories', () => {
  const event = (type: string): HistoryEvent => ({ type, id: 0, timestamp: new Date() }) as HistoryEvent;

  it('counts every state entered and every Lambda scheduled again after a failure', () => {
    const first = ['ExecutionStarted', 'ChoiceStateEntered', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionFailed', 'LambdaFunctionScheduled', 'LambdaFunctionSucceeded', 'TaskStateExited', 'SucceedStateEntered', 'ExecutionSucceeded'];
    const second = ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskSucceeded', 'PassStateEntered', 'ExecutionSucceeded'];
    const figures = figuresOf([first.map(event), second.map(event)]);
    expect(figures).toEqual({ executions: 2, statesEntered: 5, retries: 1, historyEvents: 16 });
    expect(transitions(figures)).toBe(6);
  });
});

describe('the usage meter, read by the bench', () => {
  const snapshot = (handlers: Record<string, HandlerUsage>): MeterSnapshot => ({ takenAt: 0, cpuMs: 0, handlers });

  it('subtracts two snapshots per handler, leaving out handlers that did nothing', () => {
    const before = snapshot({ a: usage_({ invocations: 2, billedMs: 20, calls: { PutItem: 2 }, writeUnits: 2 }), idle: usage_({ invocations: 1 }) });
    const after = snapshot({
      a: usage_({ invocations: 5, billedMs: 50, calls: { PutItem: 3, GetItem: 4 }, writeUnits: 5, readUnits: 2 }),
      idle: usage_({ invocations: 1 }),
      submitApplication: usage_({ invocations: 1, billedMs: 7, calls: { TransactWriteItems: 1 }, writeUnits: 8 }),
    });
    const delta = meterDelta(before, after);
    expect(Object.keys(delta).sort()).toEqual(['a', 'submitApplication']);
    expect(delta.a).toMatchObject({ invocations: 3, billedMs: 30, dynamodb: { calls: { PutItem: 1, GetItem: 4 }, writeUnits: 3, readUnits: 2 } });
    // submitApplication is behind a route: one HTTP API request per invocation.
    expect(totals(delta)).toMatchObject({ lambdaInvocations: 4, httpRequests: 1, dynamodbCalls: 6, storeReads: 4, storeWrites: 2, writeUnits: 11 });
  });

  it("estimates Lambda's billed time from the cloud's CPU time, shared by time not waiting on DynamoDB, plus DynamoDB's latency per round trip", () => {
    const usage = {
      // 400 ms wall, 300 of them waiting on DynamoDB Local: 100 ms busy, 6 round trips.
      slow: usage_({ invocations: 2, durationMs: 400, dynamodbWaitMs: 300, dynamodbRoundTrips: 6 }),
      // 300 ms busy, no DynamoDB.
      busy: usage_({ invocations: 1, durationMs: 300 }),
      // Never busy: at least 1 ms an invocation.
      idle: usage_({ invocations: 4, durationMs: 2, dynamodbWaitMs: 2 }),
    };
    // 40 ms of CPU in all: a quarter to `slow`, three quarters to `busy`; half a millisecond an invocation for the rounding up.
    const estimate = lambdaEstimate(usage, 40, 10);
    expect(estimate.slow).toEqual({ invocations: 2, billedMs: 10 + 60 + 1 });
    expect(estimate.busy).toEqual({ invocations: 1, billedMs: 30 + 0.5 });
    expect(estimate.idle).toEqual({ invocations: 4, billedMs: 4 });
  });
});
