import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { eventually } from '../test/support/clients';
import { startDrillCloud } from '../test/support/drill-cloud';
import { providerWork } from '../test/support/provider-offers';

it('profiles', async () => {
  const t0 = Date.now();
  const drill = await startDrillCloud('profile');
  console.log('start', Date.now() - t0);
  const work = providerWork(drill.clients);
  const scan = async (f: (i: any) => boolean) => {
    const items: any[] = []; let k: any;
    do { const p = await drill.clients.db.send(new ScanCommand({ TableName: 'dolbom-dev', ExclusiveStartKey: k })); items.push(...(p.Items ?? []).filter(f)); k = p.LastEvaluatedKey; } while (k);
    return items;
  };
  const t1 = Date.now();
  const receipts = await Promise.all(Array.from({ length: 100 }, () => work.submitApplication('child-adolescent', { serviceType: 'music-therapy' })));
  console.log('submitted', Date.now() - t1);
  const ids = new Set(receipts.map((r) => r.applicationId));
  const tasks = await eventually(async () => { const o = await scan((i) => ids.has(String(i.applicationId)) && String(i.sk).startsWith('TASK#') && i.state === 'open' && i.taskToken); return o.length === 100 ? o : undefined; }, 'tasks', 300_000);
  console.log('awaiting review', Date.now() - t1);
  const t2 = Date.now();
  await Promise.all(tasks.map((t) => drill.clients.sfn.send(new SendTaskSuccessCommand({ taskToken: t.taskToken, output: '{"decision":"approve"}' }))));
  console.log('tokens sent', Date.now() - t2);
  let last = '';
  await eventually(async () => {
    const apps = await scan((i) => i.sk === 'APPLICATION' && ids.has(i.id));
    const counts: Record<string, number> = {};
    for (const a of apps) { const k = a.match?.reservation ? 'held' : a.status; counts[k] = (counts[k] ?? 0) + 1; }
    const s = JSON.stringify(counts); if (s !== last) { console.log(Date.now() - t2, s); last = s; }
    return (counts.held ?? 0) + (counts.waitlisted ?? 0) === 100 ? true : undefined;
  }, 'settled', 300_000);
  console.log('settled', Date.now() - t2);
  const log = readFileSync(drill.process.logFile, 'utf8');
  const counts: Record<string, number> = {};
  for (const m of log.matchAll(/"handler":"(\w+)"/g)) counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
  console.log(JSON.stringify(counts));
  console.log(log.split('\n').slice(-5).join('\n').slice(0, 2000));
  await drill.dispose();
}, 600_000);
