import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { INTEGRATION_TIMEOUT_MS } from '../../infra/local/gateway';
import { functionTimeoutSeconds } from '../../infra/local/lambda-runtime';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(root, dir, f), 'utf8') }));
}

const shipped = ['forms', 'functions', 'web/src'].flatMap(sources);

describe('house rules that keep Dolbom small and safe', () => {
  it('imports zod as a namespace, so bundles leave out its locales', () => {
    expect(shipped.filter((s) => /import (type )?\{[^}]*\bz\b[^}]*\} from 'zod(\/mini)?'/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('writes every schema that ships with zod/mini, so no page and no handler bundles zod classic (75–90 KB a handler)', () => {
    expect(shipped.filter((s) => /from 'zod'/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('never scans the table in a request path', () => {
    expect(shipped.filter((s) => /\bScanCommand\b/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps the AWS SDK out of the forms and the eligibility rules (the browser bundles them)', () => {
    const domain = [...sources('forms'), ...sources('functions/eligibility')].filter((s) => !s.file.endsWith('-step.ts') && !s.file.endsWith('prescreen.ts'));
    expect(domain.filter((s) => /from '@aws-sdk\//.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps the AWS SDK and the handler commons out of the screening and ledger cores (handlers beside them may use both)', () => {
    const core = ['screening/instruments', 'screening/answers', 'screening/score', 'ledger/month', 'ledger/charge', 'ledger/application-ledger', 'ledger/csv'];
    const cores = shipped.filter((s) => core.some((name) => s.file === path.join('functions', `${name}.ts`)));
    expect(cores).toHaveLength(core.length);
    expect(cores.filter((s) => /from '@aws-sdk\/|from '(\.\.\/)+commons\//.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps zod and the programme definitions out of the registry store, which workflow steps import to read the registry', () => {
    const store = shipped.filter((s) => /functions\/providers\/registry-(store|items)\.ts$/.test(s.file));
    expect(store).toHaveLength(2);
    const heavy = /^import (?!type )[^;]*from '(zod(\/mini)?|(\.\.\/)+forms(\/[\w-]+)*|\.\/registry-schema)';/m;
    expect(store.filter((s) => heavy.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps the local cloud out of what ships: no handler imports infra/ (its fault injection above all)', () => {
    expect(shipped.filter((s) => /from '(\.\.\/)+infra\//.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("gives every function behind a route a timeout shorter than API Gateway's, so its own 503 with Retry-After answers first", () => {
    const tooSlow = routes.filter((r) => functionTimeoutSeconds(r.handler) * 1000 >= INTEGRATION_TIMEOUT_MS).map((r) => r.handler);
    expect(tooSlow).toEqual([]);
  });
});
