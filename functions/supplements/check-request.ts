import { getProgramme } from '../../forms';
import { problem } from '../commons/problems';
import { requestProblems } from './request-body';
import type { SupplementRequest } from './supplement';

/** 400 naming each document id or field name the application's programme does not have. */
export function checkSupplementRequest(programmeId: string, request: SupplementRequest): void {
  const problems = requestProblems(getProgramme(programmeId), request);
  if (problems.length) throw problem.invalidInput(problems);
}
