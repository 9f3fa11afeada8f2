/**
 * Answers carried into a programme's form from another page (the screener, an applicant acting for
 * someone): the other page calls `handOver` and then opens `?programme=<id>`; the form takes them
 * once, over any draft, and forgets them. They travel in sessionStorage (this tab only), never in
 * the address, which ends up in histories and logs.
 */
export const handoffKey = (programmeId: string) => `dolbom.prefill.${programmeId}`;

export function handOver(programmeId: string, answers: Record<string, unknown>): void {
  try {
    sessionStorage.setItem(handoffKey(programmeId), JSON.stringify(answers));
  } catch {
    /* storage blocked: the form starts empty */
  }
}

/** The answers handed over for this programme, removed as they are read. */
export function takeHandoff(programmeId: string): Record<string, unknown> | undefined {
  try {
    const raw = sessionStorage.getItem(handoffKey(programmeId));
    sessionStorage.removeItem(handoffKey(programmeId));
    const answers: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
