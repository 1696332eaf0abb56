// What kind of file a workbook path holds when it is not an .xlsx: an .ods, an old .xls or a .csv text.
import { closeSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';

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

/** The OLE2 compound file signature of an old Excel .xls. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OpenDocument file is a zip whose first entry is `mimetype`, stored, naming its kind. */
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * The kind of a file that is no .xlsx, from its first bytes (then its extension), or undefined when it is
 * none of these. A .csv is recognised by its extension only (any text may be one).
 */
export function otherKindOf(file: string): OtherKind | undefined {
  const bytes = head(file, 128);
  if (bytes.subarray(0, OLE2.length).equals(OLE2)) return 'xls';
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04' && bytes.toString('latin1').includes(ODS_MIME))
    return 'ods';
  const extension = path.extname(file).toLowerCase();
  if (extension === '.ods') return 'ods';
  if (extension === '.xls') return 'xls';
  if (extension === '.csv' || extension === '.tsv') return 'csv';
  return undefined;
}
