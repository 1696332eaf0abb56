// Reads back an .eml file written by the outbox: headers, and the plain-text and HTML parts decoded.

function decodeWord(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  );
}

export interface Eml {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The raw file, for searching everything at once (the parts are base64 there). */
  raw: string;
}

export function readEml(raw: string): Eml {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1] ?? '';
  const body = rest.join('\r\n\r\n');
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}; charset=UTF-8\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n([^-]*)`,
    ).exec(body);
    return Buffer.from((m?.[1] ?? '').replace(/\s+/g, ''), 'base64').toString('utf8');
  };
  return {
    to: header('To'),
    subject: decodeWord(header('Subject')),
    text: part('text/plain'),
    html: part('text/html'),
    raw,
  };
}
