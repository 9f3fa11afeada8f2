import { beforeEach, describe, expect, it, vi } from 'vitest';

const startLifecycle = vi.fn();
vi.mock('../../../functions/lifecycle/start-lifecycle', () => ({ startLifecycle }));
const { handler } = await import('../../../functions/lifecycle/start-stored-application');

const ID_A = 'A0123456789ABCDEFGHJKMNPQR';
const ID_B = 'ABCDEFGHJKMNPQRSTVWXYZ0123';

/** A record as Lambda delivers it from a keys-only stream. */
function record(sequenceNumber: string, pk: string, sk = 'APPLICATION', eventName = 'INSERT') {
  return {
    eventID: `e${sequenceNumber}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-northeast-2',
    eventSourceARN: 'arn:aws:dynamodb:ap-northeast-2:000000000000:table/dolbom-dev/stream/2026-01-01T00:00:00.000',
    dynamodb: { ApproximateCreationDateTime: 1_790_000_000, Keys: { pk: { S: pk }, sk: { S: sk } }, SequenceNumber: sequenceNumber, SizeBytes: 40, StreamViewType: 'KEYS_ONLY' },
  };
}

beforeEach(() => {
  startLifecycle.mockReset();
  process.env.DOLBOM_LOG = 'silent';
});

describe('StartStoredApplication', () => {
  it("starts each new application's first period under its own name", async () => {
    startLifecycle.mockResolvedValue('arn');
    const out = await handler({ Records: [record('1', `APP#${ID_A}`), record('2', `APP#${ID_B}`)] });
    expect(startLifecycle.mock.calls).toEqual([[{ applicationId: ID_A, period: 1 }], [{ applicationId: ID_B, period: 1 }]]);
    expect(out).toEqual({ batchItemFailures: [] });
  });

  it('starts nothing for a record that is not a new application item', async () => {
    const out = await handler({
      Records: [record('1', `APP#${ID_A}`, 'AUDIT#2026-01-01'), record('2', `APP#${ID_A}`, 'APPLICATION', 'MODIFY'), record('3', 'APP#not-an-id')],
    });
    expect(startLifecycle).not.toHaveBeenCalled();
    expect(out).toEqual({ batchItemFailures: [] });
  });

  it('reports the records it could not start, so the mapping retries from the first of them', async () => {
    startLifecycle.mockImplementation(async ({ applicationId }: { applicationId: string }) => {
      if (applicationId === ID_B) throw Object.assign(new Error('rate exceeded'), { name: 'ThrottlingException' });
      return 'arn';
    });
    const out = await handler({ Records: [record('1', `APP#${ID_A}`), record('2', `APP#${ID_B}`)] });
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });

  it('refuses an event that is not a stream batch', async () => {
    await expect(handler({ detail: {} })).rejects.toThrow();
  });
});
