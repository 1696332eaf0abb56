// One XML part of a zip read as a stream of tags and text (saxes), decoded from UTF-8 piece by piece.
import { SaxesParser } from 'saxes';
import type { ZipArchive } from './zip';

/** What a part reader does with the tags: names come without their namespace prefix ("x:row" is "row"). */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Text and CDATA, possibly in several pieces for one element. */
  text?(text: string): void;
}

/** "x:row" → "row". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever its prefix ("r:id" for "id"). */
export function attributeOf(attributes: Record<string, string>, local: string): string | undefined {
  const plain = attributes[local];
  if (plain !== undefined) return plain;
  for (const key of Object.keys(attributes)) if (localName(key) === local) return attributes[key];
  return undefined;
}

/**
 * Parses the part `name` of the archive through `handler`, never holding the whole text; false when the
 * archive has no such part. A malformed part throws saxes's error.
 */
export function parsePart(zip: ZipArchive, name: string, handler: XmlHandler): boolean {
  const parser = new SaxesParser<{ xmlns: false; position: boolean }>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag) => handler.close(localName(tag.name)));
  const text = handler.text?.bind(handler);
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // Not fatal: a stray byte becomes U+FFFD, as exceljs's reading of the same part does.
  const decoder = new TextDecoder('utf-8');
  const found = zip.read(name, (chunk) => {
    const piece = decoder.decode(chunk, { stream: true });
    if (piece !== '') parser.write(piece);
  });
  if (!found) return false;
  const rest = decoder.decode();
  if (rest !== '') parser.write(rest);
  parser.close();
  return true;
}
