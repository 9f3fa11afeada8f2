import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeployedPages } from '../../../infra/web-assets';
import { buildWeb } from '../../../web/build';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const holding = (dir: string, text: string) => filesUnder(dir).filter((file) => readFileSync(path.join(dir, file), 'utf8').includes(text));

describe('the pages the web stack deploys', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dolbom-deployed-'));
  const deployed = path.join(root, 'aws');
  const local = path.join(root, 'local');
  beforeAll(async () => {
    // As the stack's asset bundling runs it (infra/web-assets.ts), and as `npm start` builds.
    buildDeployedPages(deployed);
    await buildWeb(local);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('hold no /local/ path in any file, source maps included', () => {
    expect(filesUnder(deployed).length).toBeGreaterThan(10);
    expect(holding(deployed, '/local/')).toEqual([]);
  });

  it('lack only the local sign-in chunk and config.json of what npm start serves', () => {
    // The local build is the control: the path is there, in the chunk the deployed build leaves out.
    expect(holding(local, '/local/').sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^chunks\/local-sign-in-[A-Z0-9]+\.js$/)]));
    const missing = filesUnder(local).filter((file) => !filesUnder(deployed).includes(file));
    expect(missing.sort()).toEqual([expect.stringMatching(/^chunks\/local-sign-in-[A-Z0-9]+\.js$/), expect.stringMatching(/^chunks\/local-sign-in-[A-Z0-9]+\.js\.map$/), 'config.json']);
    expect(filesUnder(deployed).filter((file) => !filesUnder(local).includes(file))).toEqual([]);
  });

  it('still have the console and the portal load their sign-in from config.json', () => {
    expect(JSON.parse(readFileSync(path.join(local, 'config.json'), 'utf8'))).toEqual({ signIn: { kind: 'local', issuer: 'dolbom-local-issuer', clientId: 'dolbom-local-console' } });
    expect(holding(deployed, 'config.json').some((file) => file.startsWith('chunks/') && file.endsWith('.js'))).toBe(true);
    expect(holding(deployed, '/oauth2/token').some((file) => file.endsWith('.js'))).toBe(true);
    expect(holding(deployed, '/oauth2/revoke').some((file) => file.endsWith('.js'))).toBe(true);
  });
});
