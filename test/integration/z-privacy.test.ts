import { readFileSync } from 'node:fs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { answerTask, cloud, local, submission, submit, untilStatus, untilTaskToken } from '../support/cloud-test';

// Runs last (files are sorted by name): it scans what every other integration test left behind.
const rrns = ['1409033123456', '880229-2123456', '0503154123456'];
const patterns = rrns.flatMap((rrn) => {
  const digits = rrn.replace('-', '');
  return [digits, `${digits.slice(0, 6)}-${digits.slice(6)}`];
});

async function everyItem(): Promise<string[]> {
  const lines: string[] = [];
  const { TableNames = [] } = await local.db.send(new ListTablesCommand({}));
  for (const TableName of TableNames) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await local.db.send(new ScanCommand({ TableName, ExclusiveStartKey }));
      lines.push(...(out.Items ?? []).map((item) => JSON.stringify(item)));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return lines;
}

describe('resident registration numbers', () => {
  it('are stored sealed and shown masked, to staff of the district only', async () => {
    const child = await submit(submission('child-adolescent', { rrn: rrns[0] }));
    const parent = await submit(submission('parent', { rrn: rrns[1] }));
    await untilStatus(child, 'awaiting-review');
    await untilStatus(parent, 'awaiting-review');
    await local.sfn.send(
      new SendTaskSuccessCommand({ taskToken: await untilTaskToken(child.applicationId, 'CaseManagerReview'), output: '{"decision":"approve"}' }),
    );
    await answerTask(child.applicationId, 'ProviderOffer', { decision: 'accept' });
    await untilStatus(child, 'in-service');

    const token = await local.signIn('caseworker.jongno');
    const file = await local.http('GET', `/api/staff/applications/${child.applicationId}`, undefined, { authorization: `Bearer ${token}` });
    expect(file.body.rrn).toEqual({ masked: '140903-3******' });
    const citizenView = await local.http('GET', `/api/applications/${child.applicationId}`, undefined, { 'x-access-code': child.accessCode });
    expect(JSON.stringify(citizenView.body)).not.toMatch(/140903/);

    // A bad submission carrying a number must not leak it into an error response either.
    const bad = await local.http('POST', '/api/applications', submission('child-adolescent', { rrn: rrns[2], applicant: { phone: 'x' } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(rrns[2]);
  });

  it('appear in plaintext nowhere in DynamoDB, after every integration test', async () => {
    const items = await everyItem();
    expect(items.length).toBeGreaterThan(50);
    for (const pattern of patterns) {
      expect(items.filter((line) => line.includes(pattern)), pattern).toEqual([]);
    }
  });

  it('appear in no log line of the local cloud', () => {
    const log = readFileSync(cloud.logFile, 'utf8');
    expect(log.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(log.includes(pattern), pattern).toBe(false);
  });
});

describe('every read of a person\'s data', () => {
  it('is in the audit trail with who, when and from where', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const token = await local.signIn('caseworker.jongno');
    await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, { authorization: `Bearer ${token}` });
    const { body } = await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, { authorization: `Bearer ${token}` });
    const reads = body.events.filter((e: { action: string }) => e.action === 'application.viewed-by-staff' || e.action === 'application.viewed');
    expect(reads.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['application.viewed', 'application.viewed-by-staff']));
    const staffRead = reads.find((e: { action: string }) => e.action === 'application.viewed-by-staff');
    expect(staffRead.actor).toMatchObject({ kind: 'staff', userId: 'caseworker.jongno', sourceIp: expect.any(String) });
    expect(staffRead.at).toMatch(/Z$/);
  });
});
