import { loadStoredProgramme } from '../../forms/loaders';
import { problem } from '../commons/problems';
import { requestProblems } from './request-body';
import type { SupplementRequest } from './supplement';

/**
 * 400 naming each document id or field name the application's programme does not have. Only a
 * request for information carries one, so the programme's form is loaded then (forms/loaders.ts).
 */
export async function checkSupplementRequest(programmeId: string, request: SupplementRequest): Promise<void> {
  const problems = requestProblems(await loadStoredProgramme(programmeId), request);
  if (problems.length) throw problem.invalidInput(problems);
}
