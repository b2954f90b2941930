/** A file sent with a message (multipart `files[n]`), kept so tests can read what the bot uploaded. */
export interface UploadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}
