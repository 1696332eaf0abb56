// What kind of file a workbook path holds when it is not an .xlsx we can read: an .ods, an old .xls, a .csv text, an encrypted workbook, or one with a part too big to inflate.
import { closeSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { ZipArchive } from './xlsx-values/zip';

export type OtherKind = 'ods' | 'xls' | 'csv';

/** The first bytes of a file ('' when it cannot be read). */
function head(file: string, bytes: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The OLE2 compound file signature of an old Excel .xls (and of an encrypted .xlsx). */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OpenDocument file is a zip whose first entry is `mimetype`, stored, naming its kind. */
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
/** The stream an encrypted Office file keeps its key data in: its name in the compound file's directory (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
/** The biggest part (a sheet, the shared strings) inflated: a school's ten-year workbook stays far below it. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/** Whether a zip's parts are an OpenDocument file's (content.xml, no [Content_Types].xml). */
function odsParts(bytes: Uint8Array): boolean {
  try {
    const zip = new ZipArchive(bytes);
    return zip.has('content.xml') && !zip.has('[Content_Types].xml');
  } catch {
    return false;
  }
}

/**
 * The kind of a file that is no .xlsx, from its bytes (then its extension), or undefined when it is none of
 * these. A .csv is recognised by its extension only (any text may be one).
 */
export function otherKindOf(file: string, bytes?: Uint8Array): OtherKind | undefined {
  const start = bytes !== undefined ? Buffer.from(bytes.subarray(0, 128)) : head(file, 128);
  if (start.subarray(0, OLE2.length).equals(OLE2)) return 'xls';
  if (start.subarray(0, 4).toString('latin1') === 'PK\x03\x04') {
    if (start.toString('latin1').includes(ODS_MIME)) return 'ods';
    if (bytes !== undefined && odsParts(bytes)) return 'ods';
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === '.ods') return 'ods';
  if (extension === '.xls') return 'xls';
  if (extension === '.csv' || extension === '.tsv') return 'csv';
  return undefined;
}

/** A reason to refuse a workbook's bytes before any reader inflates them. */
export type PartsProblem =
  { problem: 'encrypted' } | { problem: 'tooLarge'; part: string; size: number } | { problem: 'ods' };

/**
 * Looks at a workbook's bytes before reading them: an encrypted Office file (an OLE2 compound file holding an
 * EncryptionInfo stream), an OpenDocument zip, or a part whose declared size is beyond MAX_PART_BYTES.
 * Undefined when nothing is wrong that the readers would not say themselves.
 */
export function partsProblem(bytes: Uint8Array, maxPart = MAX_PART_BYTES): PartsProblem | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, OLE2.length).equals(OLE2))
    return buffer.includes(ENCRYPTION_INFO) ? { problem: 'encrypted' } : undefined;
  if (buffer.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') return undefined;
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes);
  } catch {
    return undefined;
  }
  if (zip.has('content.xml') && !zip.has('[Content_Types].xml')) return { problem: 'ods' };
  const big = zip.parts().find((p) => p.size > maxPart);
  return big === undefined ? undefined : { problem: 'tooLarge', part: big.name, size: big.size };
}
