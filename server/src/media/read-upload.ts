import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { ErrorCode } from '@member-commerce/shared';
import { DomainError } from '../common/domain-error';

/** The one file of a multipart upload (field `file`), with the size limit turned into our 413. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart())
    throw new DomainError(
      ErrorCode.MEDIA_FILE_MISSING,
      'Send the picture as multipart/form-data in the field "file"',
      400,
    );
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part)
    throw new DomainError(ErrorCode.MEDIA_FILE_MISSING, 'No file in the upload: send it in the field "file"', 400);
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(
        ErrorCode.MEDIA_TOO_LARGE,
        `Pictures may be at most ${Math.floor(maxBytes / 1024)} KB`,
        413,
      );
    }
    throw error;
  }
}
