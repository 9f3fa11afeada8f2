import { requireApplication } from '../applications/store';

/**
 * How a closing request reaches the workflow: the error every callback state of the lifecycle
 * catches into the Closure step (workflows/lifecycle.ts, workflows/README.md).
 */
export const CLOSING_EARLY_ERROR = 'Dolbom.ClosingEarly';

export class ClosingEarly extends Error {
  override name = CLOSING_EARLY_ERROR;
}

/**
 * For a callback's opening step, once its token is kept where a request would find it: a case asked
 * to close stops here instead of waiting. With the request route's order (write the request, then
 * read the tokens) no request is lost between the two: either this read sees the request, or the
 * route's read sees the token.
 */
export async function stopIfClosing(applicationId: string): Promise<void> {
  const application = await requireApplication(applicationId);
  if (application.closingRequest) throw new ClosingEarly(`Application ${applicationId} is closing early`);
}
