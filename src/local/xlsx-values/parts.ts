// The parts of an .xlsx around the sheets: relationships, workbook.xml (tabs, 1904), styles (date formats), shared strings.
import { attributeOf, parsePart } from './xml';
import type { ZipArchive } from './zip';

export interface Relationship {
  type: string;
  /** The target's part name, resolved against the source part's folder (no leading slash). */
  target: string;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name: absolute ("/xl/a.xml") or relative to the source's folder. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The internal relationships of a part, by id ({} when it has none). */
export function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parsePart(zip, relsPathOf(part), {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attributes.Id;
      const target = attributes.Target;
      if (id === undefined || target === undefined || attributes.TargetMode === 'External') return;
      rels.set(id, { type: attributes.Type ?? '', target: resolveTarget(part, target) });
    },
    close() {},
  });
  return rels;
}

/** Relationship types end the same in transitional and strict files (…/officeDocument, …/worksheet). */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The workbook part, as the package's relationships name it (xl/workbook.xml when they do not). */
export function workbookPart(zip: ZipArchive): string {
  for (const rel of readRelationships(zip, '').values()) if (isType(rel, 'officeDocument')) return rel.target;
  return 'xl/workbook.xml';
}

export interface WorkbookSheet {
  name: string;
  /** The relationship id of the sheet's part. */
  rid: string;
}

export interface WorkbookInfo {
  /** Every sheet of workbook.xml in tab order (chart sheets too; the caller keeps worksheets only). */
  sheets: WorkbookSheet[];
  /** Serial numbers count days from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
}

/** workbook.xml's tabs and date system; undefined when there is no such part. */
export function readWorkbook(zip: ZipArchive, part: string): WorkbookInfo | undefined {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  const found = parsePart(zip, part, {
    open(name, attributes) {
      if (name === 'sheet') {
        const rid = attributeOf(attributes, 'id');
        if (attributes.name !== undefined && rid !== undefined)
          info.sheets.push({ name: attributes.name, rid });
      } else if (name === 'workbookPr') {
        const value = attributes.date1904;
        info.date1904 = value === '1' || value === 'true';
      }
    },
    close() {},
  });
  return found ? info : undefined;
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ids). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or time: a y, m, d, h, s or b token outside "quoted text", [brackets]
 * (colours, locales, elapsed-time markers), backslash-escaped characters and the `_x` / `*x` spacers.
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if ('yYmMdDhHsSb'.includes(ch)) {
      return true;
    }
  }
  return false;
}

/** For each cell style (the `s` of a cell), whether its number format is a date or time format. */
export function readDateStyles(zip: ZipArchive, part: string | undefined): boolean[] {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  const parents: string[] = [];
  if (part !== undefined) {
    parsePart(zip, part, {
      open(name, attributes) {
        const parent = parents[parents.length - 1];
        if (name === 'numFmt' && parent === 'numFmts') {
          const id = Number.parseInt(attributes.numFmtId ?? '', 10);
          if (Number.isInteger(id)) custom.set(id, attributes.formatCode ?? '');
        } else if (name === 'xf' && parent === 'cellXfs') {
          const id = Number.parseInt(attributes.numFmtId ?? '0', 10);
          formatIds.push(Number.isInteger(id) ? id : 0);
        }
        parents.push(name);
      },
      close() {
        parents.pop();
      },
    });
  }
  return formatIds.map((id) => {
    const code = custom.get(id);
    return code === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(code);
  });
}

/** Excel's escapes of characters XML cannot hold ("_x000D_"), decoded as exceljs does for shared strings. */
export function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * Collects the text of a string item (`<si>` or `<is>`): plain `<t>` or the runs of rich text joined, with
 * phonetic guides (`<rPh>`, the reading of East Asian text) left out.
 */
export class StringItemText {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
  }

  /** Feeds one opening tag inside the item. */
  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }

  /** Feeds one closing tag inside the item. */
  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The item's text so far; undefined when it had no `<t>` at all. */
  value(): string | undefined {
    return this.parts.length === 0 ? undefined : this.parts.join('');
  }
}

/** The shared strings, in order ([] when the workbook has none). */
export function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] {
  const strings: string[] = [];
  if (part === undefined) return strings;
  const item = new StringItemText();
  let inItem = false;
  parsePart(zip, part, {
    open(name) {
      if (name === 'si') {
        inItem = true;
        item.start();
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === 'si') {
        inItem = false;
        strings.push(decodeEscapes(item.value() ?? ''));
      } else if (inItem) item.close(name);
    },
    text(text) {
      if (inItem) item.text(text);
    },
  });
  return strings;
}
