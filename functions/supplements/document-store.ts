import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../commons/clients';
import { env } from '../commons/env';
import { presignS3 } from '../commons/s3-presign';
import { DOWNLOAD_URL_SECONDS, UPLOAD_URL_SECONDS, type UploadContentType } from './supplement';

/**
 * The documents bucket, seen by the supplement handlers: presigned addresses and what an upload is.
 * Presigning signs with the machine's time (never the local cloud's advanced clock): the server that
 * checks the address, S3 or s3rver, compares against its own. The addresses are signed without the S3
 * client (commons/s3-presign.ts), so the two routes that only hand out addresses do not load it.
 */

/**
 * A PUT address for exactly this type and size: the content-type and content-length headers are
 * signed, so in AWS a different file is refused. The object is checked again when the citizen submits.
 */
export async function presignUpload(key: string, contentType: UploadContentType, size: number): Promise<{ url: string; headers: Record<string, string> }> {
  const url = await presignS3({
    method: 'PUT',
    bucket: env.documentsBucket(),
    key,
    expiresIn: UPLOAD_URL_SECONDS,
    signedHeaders: { 'content-type': contentType, 'content-length': String(size) },
  });
  return { url, headers: { 'content-type': contentType } };
}

export interface StoredUpload {
  size: number;
  contentType: string;
  /** The file's first bytes, to tell its real type from the declared one. */
  firstBytes: Uint8Array;
}

/** What was uploaded at `key`, or undefined when nothing was. */
export async function describeUpload(key: string): Promise<StoredUpload | undefined> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: env.documentsBucket(), Key: key }));
    const size = head.ContentLength ?? 0;
    const start = size > 0 ? await s3().send(new GetObjectCommand({ Bucket: env.documentsBucket(), Key: key, Range: 'bytes=0-15' })) : undefined;
    const firstBytes = start?.Body ? await start.Body.transformToByteArray() : new Uint8Array();
    return { size, contentType: head.ContentType ?? '', firstBytes };
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return undefined;
    throw error;
  }
}

/** A short-lived GET address for a case manager, served as a download under a neutral name. */
export async function presignDownload(key: string, fileName: string): Promise<string> {
  return presignS3({
    method: 'GET',
    bucket: env.documentsBucket(),
    key,
    expiresIn: DOWNLOAD_URL_SECONDS,
    query: { 'response-content-disposition': `attachment; filename="${fileName}"` },
  });
}
