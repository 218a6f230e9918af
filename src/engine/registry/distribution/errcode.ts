// The registry's error answers (registry/api/v2/errors.go and
// registry/api/errcode): the JSON body `{"errors":[...]}` and how the
// server's log shows them (err.code is the code lower-cased with spaces).

export type ErrorCodeName = 'MANIFEST_UNKNOWN' | 'MANIFEST_INVALID' | 'NAME_UNKNOWN' | 'BLOB_UNKNOWN' | 'DIGEST_INVALID' | 'UNSUPPORTED' | 'PAGINATION_NUMBER_INVALID' | 'MANIFEST_BLOB_UNKNOWN' | 'BLOB_UPLOAD_UNKNOWN' | 'BLOB_UPLOAD_INVALID' | 'UNKNOWN';

const CODES: Record<ErrorCodeName, { message: string; status: number }> = {
  MANIFEST_UNKNOWN: { message: 'manifest unknown', status: 404 },
  MANIFEST_INVALID: { message: 'manifest invalid', status: 400 },
  NAME_UNKNOWN: { message: 'repository name not known to registry', status: 404 },
  BLOB_UNKNOWN: { message: 'blob unknown to registry', status: 404 },
  DIGEST_INVALID: { message: 'provided digest did not match uploaded content', status: 400 },
  UNSUPPORTED: { message: 'The operation is unsupported.', status: 405 },
  PAGINATION_NUMBER_INVALID: { message: 'invalid number of results requested', status: 400 },
  MANIFEST_BLOB_UNKNOWN: { message: 'blob unknown to registry', status: 400 },
  BLOB_UPLOAD_UNKNOWN: { message: 'blob upload unknown to registry', status: 404 },
  BLOB_UPLOAD_INVALID: { message: 'blob upload invalid', status: 404 },
  UNKNOWN: { message: 'unknown error', status: 500 },
};

/** One error as the registry answers it: the JSON detail and the detail's text in the log (Go's %v of it). */
export interface RegistryError {
  code: ErrorCodeName;
  detail?: unknown;
  logDetail?: string;
}

export function errorStatus(e: RegistryError): number {
  return CODES[e.code].status;
}

export function errorMessage(e: RegistryError): string {
  return CODES[e.code].message;
}

/** errcode.ServeJSON's body: json.Encoder output, so a newline ends it. */
export function errorBody(e: RegistryError): string {
  const entry: Record<string, unknown> = { code: e.code, message: errorMessage(e) };
  if (e.detail !== undefined) entry.detail = e.detail;
  return JSON.stringify({ errors: [entry] }) + '\n';
}

/** ErrorCode.Error(): `MANIFEST_UNKNOWN` → `manifest unknown`. */
export function logCode(code: ErrorCodeName): string {
  return code.toLowerCase().replace(/_/g, ' ');
}

export const manifestUnknownTag = (tag: string): RegistryError => ({ code: 'MANIFEST_UNKNOWN', detail: { Tag: tag }, logDetail: `unknown tag=${tag}` });
export const manifestUnknownRevision = (name: string, digest: string): RegistryError => ({
  code: 'MANIFEST_UNKNOWN',
  detail: { Name: name, Revision: digest },
  logDetail: `unknown manifest name=${name} revision=${digest}`,
});
export const blobUnknown = (digest: string): RegistryError => ({ code: 'BLOB_UNKNOWN', detail: digest, logDetail: digest });
export const nameUnknown = (name: string): RegistryError => ({ code: 'NAME_UNKNOWN', detail: { name }, logDetail: `map[name:${name}]` });
