import { supplementStateLabels, type SupplementRound } from './supplement';

/** A supplement round as its case manager reads it: never the workflow's token, nor where the files lie. */
export function staffSupplementView(round: SupplementRound) {
  const { taskToken: _token, answerId: _answerId, answer, ...view } = round;
  return {
    ...view,
    stateLabel: supplementStateLabels[round.state],
    ...(answer ? { answer: { ...answer, documents: answer.documents.map(({ key: _key, ...d }) => d) } } : {}),
  };
}
export type StaffSupplementView = ReturnType<typeof staffSupplementView>;
