/**
 * The page-weight scenarios (web/page-weight.ts, asserted in test/unit/web/page-weight.test.ts) held
 * against what Chromium really fetches: opening a programme's form downloads exactly the scripts the
 * scenario counts, and the status page exactly its script's static closure.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProgramme, programmeIds } from '../../forms';
import { citizenFormScenario, pageWeights, scenarioWeight } from '../../web/page-weight';
import { openForm } from './support/application-steps';
import { browserSession } from './support/browser-session';

const session = browserSession({ failOnConsoleErrors: true });

/** Records the JavaScript files the page requests, as paths inside the built folder. */
function recordScripts(): string[] {
  const scripts: string[] = [];
  session.page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname.slice(1));
  });
  return scripts;
}

/** A scenario's files as paths inside the built folder, like the browser's requests. */
const served = (files: string[]) => files.map((file) => path.relative(session.staticDir, path.resolve(file)).split(path.sep).join('/')).sort();

describe('page weight in the browser', () => {
  it.each(programmeIds)('fetches for the form of %s exactly the files its scenario counts', async (id) => {
    const scripts = recordScripts();
    await openForm(session.page, session.backend.url, getProgramme(id));
    await session.page.waitForLoadState('networkidle');
    const counted = await scenarioWeight(session.metafile, citizenFormScenario(id));
    expect([...new Set(scripts)].sort()).toEqual(served(counted.files));
  });

  it('fetches for the status page exactly its script and the chunks that script imports', async () => {
    const scripts = recordScripts();
    await session.page.goto(`${session.backend.url}/status.html`);
    await session.page.waitForLoadState('networkidle');
    const counted = (await pageWeights(session.metafile)).status!;
    expect([...new Set(scripts)].sort()).toEqual(served(counted.files));
  });
});
