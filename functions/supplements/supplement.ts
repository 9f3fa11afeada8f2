import type { Text } from '../../forms/i18n';
import type { StaffActor } from '../applications/audit';

/**
 * A supplement (보완 요청): the case manager names what is missing — documents from the programme's
 * checklist and/or answers of the form — with a message to the citizen; the citizen answers on the
 * status page (uploads, corrected answers, a note) or lets the deadline pass. One round per request.
 */
export type SupplementState = 'requested' | 'waiting' | 'answered' | 'no-answer';

/** What the case manager asks for: checklist document ids, form field names, and a message to the citizen. */
export interface SupplementRequest {
  documents: string[];
  fields: string[];
  /** Shown to the citizen as written, and kept in the audit trail. */
  message: string;
}

/** An uploaded document, checked against the limits when the citizen submitted it. */
export interface SupplementDocument {
  documentId: string;
  uploadId: string;
  /** The object key, made by the server (never taken from the citizen). */
  key: string;
  contentType: UploadContentType;
  size: number;
}

/** A corrected answer: what it said before and what it says now. */
export interface FieldCorrection {
  name: string;
  before: unknown;
  after: unknown;
}

export interface SupplementAnswer {
  documents: SupplementDocument[];
  fields: FieldCorrection[];
  /** The citizen's own note: personal text, for staff only, never logged. */
  note?: string;
  answeredAt: string;
}

export interface SupplementRound {
  applicationId: string;
  round: number;
  period: number;
  /** The review task whose decision asked for it, and that decision's answer id (a retried step finds it). */
  taskId: string;
  answerId: string;
  request: SupplementRequest;
  requestedBy: StaffActor;
  requestedAt: string;
  state: SupplementState;
  /** The workflow's deadline for the citizen (the callback's timeout). */
  dueAt?: string;
  /** The workflow's token: the citizen's answer sends it; staff and citizens never see it. */
  taskToken?: string;
  answer?: SupplementAnswer;
  lapsedAt?: string;
}

/** What the application item says of its latest round, so the status page and the next task know without another read. */
export interface SupplementSummary {
  round: number;
  state: SupplementState;
  dueAt?: string;
}

/** Documents the citizen may upload: what case managers can open everywhere, and nothing that runs. */
export const uploadTypes = {
  'application/pdf': { label: 'PDF', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/jpeg': { label: 'JPEG', magic: [[0xff, 0xd8, 0xff]] },
  'image/png': { label: 'PNG', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
} as const;
export type UploadContentType = keyof typeof uploadTypes;
export const uploadContentTypes = Object.keys(uploadTypes) as UploadContentType[];

/** A scan of a few pages fits; a phone photo fits. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How long an upload address may be used: S3 (and s3rver) refuse it afterwards. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a case manager's link to a document works. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export function isUploadContentType(value: string): value is UploadContentType {
  return (uploadContentTypes as string[]).includes(value);
}

/** Whether the file's first bytes are those of its declared type (a renamed .exe is not a PDF). */
export function startsAsDeclared(contentType: UploadContentType, firstBytes: Uint8Array): boolean {
  return uploadTypes[contentType].magic.some((magic) => magic.every((byte, i) => firstBytes[i] === byte));
}

/** The object key of one upload: under the application and round, so retention and access follow the case. */
export function uploadKey(applicationId: string, round: number, documentId: string, uploadId: string): string {
  return `applications/${applicationId}/supplements/r${round}/${documentId}/${uploadId}`;
}

export const limitsText: Text = {
  ko: `PDF, JPEG, PNG 파일, 한 파일에 ${MAX_UPLOAD_BYTES / 1024 / 1024}MB까지`,
  en: `PDF, JPEG or PNG files, up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB each`,
};

export const supplementStateLabels: Record<SupplementState, Text> = {
  requested: { ko: '보완 요청됨', en: 'Supplement requested' },
  waiting: { ko: '신청인 답변 기다리는 중', en: 'Waiting for the applicant' },
  answered: { ko: '보완 제출됨', en: 'Supplement received' },
  'no-answer': { ko: '기한 내 답변 없음', en: 'No answer by the deadline' },
};

/** The output that answers AwaitSupplement's token: the round, answered (the workflow reads nothing else). */
export function supplementAnswered(round: number): string {
  return JSON.stringify({ answered: true, round });
}
