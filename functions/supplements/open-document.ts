import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { openForStaff } from '../status/staff-access';
import { presignDownload } from './document-store';
import { DOWNLOAD_URL_SECONDS, uploadTypes } from './supplement';
import { getSupplement } from './supplement-store';

const notFound = () => problem.notFound({ ko: '보완 서류', en: 'Supplement document' });

/**
 * GET /api/staff/applications/{applicationId}/supplements/{round}/documents/{documentId} — a case
 * manager of the district opens a document the applicant uploaded: the read is audited (whose, which
 * document) before a five-minute download link is given.
 */
export const handler = httpHandler(async (event) => {
  const round = Number(event.pathParameters?.round);
  const documentId = event.pathParameters?.documentId ?? '';
  if (!Number.isInteger(round) || round < 1 || round > 999 || !/^[a-z0-9-]{1,64}$/.test(documentId)) throw notFound();
  const application = await openForStaff(event, 'supplement.document-opened', { round, documentId });
  const document = (await getSupplement(application.id, round))?.answer?.documents.find((d) => d.documentId === documentId);
  if (!document) throw notFound();
  const extension = uploadTypes[document.contentType].label.toLowerCase();
  const url = await presignDownload(document.key, `${application.receiptNumber}-r${round}-${documentId}.${extension}`);
  return {
    status: 200,
    body: { url, contentType: document.contentType, size: document.size, expiresAt: new Date(Date.now() + DOWNLOAD_URL_SECONDS * 1000).toISOString() },
  };
});
