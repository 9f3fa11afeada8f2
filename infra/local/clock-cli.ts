export {};

// `npm run clock -- +30d` moves the running local cloud's clock forward; without an argument it
// prints the current local time.
const api = `http://127.0.0.1:${process.env.PORT ?? 3000}/local/clock`;
const advance = process.argv[2];

try {
  const response = advance
    ? await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance }) })
    : await fetch(api);
  const body = (await response.json()) as { now?: string; error?: { message?: { en?: string } } };
  if (!response.ok) throw new Error(body.error?.message?.en ?? `HTTP ${response.status}`);
  console.log(`Local time is now ${body.now}`);
} catch (error) {
  console.error(`Could not reach the local cloud at ${api}: ${(error as Error).message}. Is \`npm start\` running?`);
  process.exit(1);
}
