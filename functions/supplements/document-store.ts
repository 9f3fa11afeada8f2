import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../commons/clients';
import { env } from '../commons/env';
import { DOWNLOAD_URL_SECONDS, UPLOAD_URL_SECONDS, type UploadContentType } from './supplement';

/**
 * The documents bucket, seen by the supplement handlers: presigned addresses and what an upload is.
 * Presigning signs with the machine's time (never the local cloud's advanced clock): the server that
 * checks the address, S3 or s3rver, compares against its own.
 */

/**
 * A PUT address for exactly this type and size: the content-type and content-length headers are
 * signed, so in AWS a different file is refused. The object is checked again when the citizen submits.
 */
export async function presignUpload(key: string, contentType: UploadContentType, size: number): Promise<{ url: string; headers: Record<string, string> }> {
  const command = new PutObjectCommand({ Bucket: env.documentsBucket(), Key: key, ContentType: contentType, ContentLength: size });
  const url = await getSignedUrl(s3(), command, { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) });
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
  const command = new GetObjectCommand({
    Bucket: env.documentsBucket(),
    Key: key,
    ResponseContentDisposition: `attachment; filename="${fileName}"`,
  });
  return getSignedUrl(s3(), command, { expiresIn: DOWNLOAD_URL_SECONDS });
}
