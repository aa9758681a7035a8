/**
 * A small S3 client: PUT, GET and HEAD of one object, path-style (`<endpoint>/<bucket>/<key>`), signed
 * with AWS Signature Version 4 (header form, the payload's SHA-256 signed too). Enough for the
 * attachment store on any S3-compatible service (MinIO, Ceph RGW, the clouds' object stores) without
 * a vendor SDK; the signing follows the published algorithm step by step.
 */
import { createHash, createHmac } from 'node:crypto';

export interface S3Settings {
  /** `https://host[:port]` of the service (no bucket in it: requests are path-style). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 unreserved characters stay, everything else is %XX (S3's rule for the canonical URI). */
const encode = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers that sign one request (SigV4, header form): x-amz-date, x-amz-content-sha256 and an
 * Authorization over them, host and any `extra` headers. `path` is the canonical URI (already encoded).
 */
export function signatureV4(
  request: { method: string; host: string; path: string; payloadSha256: string; extra?: Record<string, string> },
  settings: Pick<S3Settings, 'region' | 'accessKeyId' | 'secretAccessKey'>,
  now: Date,
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...request.extra,
    host: request.host,
    'x-amz-content-sha256': request.payloadSha256,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers)
    .map((n) => n.toLowerCase())
    .sort();
  const value = (n: string) => String(Object.entries(headers).find(([k]) => k.toLowerCase() === n)![1]).trim();
  const canonical = [
    request.method,
    request.path,
    '',
    ...names.map((n) => `${n}:${value(n)}`),
    '',
    names.join(';'),
    request.payloadSha256,
  ].join('\n');
  const scope = `${day}/${settings.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hash(canonical)].join('\n');
  let key = hmac(`AWS4${settings.secretAccessKey}`, day);
  for (const part of [settings.region, 's3', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const { host: _host, ...sent } = headers;
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${settings.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

export function s3Client(settings: S3Settings) {
  const endpoint = new URL(settings.endpoint);
  const base = endpoint.origin + endpoint.pathname.replace(/\/$/, '');

  async function request(method: 'GET' | 'PUT' | 'HEAD', key: string, body: Uint8Array = new Uint8Array()) {
    const path = `${endpoint.pathname.replace(/\/$/, '')}/${encode(settings.bucket)}/${key.split('/').map(encode).join('/')}`;
    const url = `${base}/${encode(settings.bucket)}/${key.split('/').map(encode).join('/')}`;
    const headers = signatureV4({ method, host: endpoint.host, path, payloadSha256: hash(body) }, settings, new Date());
    const response = await fetch(url, {
      method,
      headers: method === 'PUT' ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
      body: method === 'PUT' ? new Uint8Array(body) : undefined,
    });
    return response;
  }

  async function failed(response: Response, what: string): Promise<never> {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    throw new S3Error(`S3 ${what} answered ${response.status}${code ? ` ${code}` : ''}`, response.status);
  }

  return {
    async put(key: string, bytes: Uint8Array): Promise<void> {
      const response = await request('PUT', key, bytes);
      if (!response.ok) await failed(response, `PUT ${key}`);
      await response.arrayBuffer();
    },
    /** The object's bytes, or undefined when there is none by that key. */
    async get(key: string): Promise<Buffer | undefined> {
      const response = await request('GET', key);
      if (response.status === 404) return void (await response.arrayBuffer());
      if (!response.ok) await failed(response, `GET ${key}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async exists(key: string): Promise<boolean> {
      const response = await request('HEAD', key);
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 404) return false;
      if (!response.ok) throw new S3Error(`S3 HEAD ${key} answered ${response.status}`, response.status);
      return true;
    },
  };
}

export type S3Client = ReturnType<typeof s3Client>;
