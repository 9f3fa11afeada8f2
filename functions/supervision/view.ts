import type { SupervisionRequest } from './supervision';

/**
 * A request as staff read it (the case file, the supervisors' list): who asked, accepted and advised
 * by user id only — the audit trail keeps their groups and where they called from.
 */
export function supervisionView(request: SupervisionRequest) {
  const { askedBy, acceptance, advice, ...rest } = request;
  return {
    ...rest,
    askedBy: askedBy.userId,
    ...(acceptance ? { acceptance: { ...acceptance, by: acceptance.by.userId } } : {}),
    ...(advice ? { advice: { ...advice, by: advice.by.userId } } : {}),
  };
}
export type SupervisionView = ReturnType<typeof supervisionView>;
