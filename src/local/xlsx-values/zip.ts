// A .zip archive held in memory: its entries from the central directory, each inflated in chunks by fflate.
import { Inflate } from 'fflate';

/** Why the bytes are not a zip archive we can read (the reader turns it into "not an .xlsx workbook"). */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The size inflated, as the central directory declares it. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at a time: small enough to keep only one piece of a sheet inflated. */
const CHUNK = 1 << 16;

/** A part name as a key: no leading slash, ASCII case folded (OPC part names are case-insensitive). */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  /** Reads the central directory; throws a ZipError when the bytes are no zip archive. */
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    this.need(at, 8);
    return Number(this.view.getBigUint64(at, true));
  }

  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) throw new ZipError('the zip archive is truncated');
  }

  private findEnd(): number {
    const last = this.bytes.length - 22;
    const first = Math.max(0, last - 0xffff);
    for (let at = last; at >= first; at--) {
      if (this.bytes[at] === 0x50 && this.view.getUint32(at, true) === EOCD) return at;
    }
    throw new ZipError('no zip archive (no end of central directory)');
  }

  private readDirectory(): void {
    const end = this.findEnd();
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if (count === 0xffff || offset === 0xffffffff) {
      const locator = end - 20;
      if (locator >= 0 && this.u32(locator) === ZIP64_LOCATOR) {
        const zip64End = this.u64(locator + 8);
        if (this.u32(zip64End) !== ZIP64_EOCD) throw new ZipError('bad zip64 end of central directory');
        count = this.u64(zip64End + 32);
        offset = this.u64(zip64End + 48);
      }
    }
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw new ZipError('bad central directory entry');
      const flags = this.u16(at + 8);
      const method = this.u16(at + 10);
      let compressedSize = this.u32(at + 20);
      let size = this.u32(at + 24);
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      this.need(at + 46, nameLength + extraLength);
      const name = new TextDecoder().decode(this.bytes.subarray(at + 46, at + 46 + nameLength));
      // Sizes and offset too big for 32 bits are in the zip64 extra field, in this order, when marked so.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = this.u16(extra);
        const length = this.u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (size === 0xffffffff) {
            size = this.u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.u64(field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = this.u64(field);
        }
        extra += 4 + length;
      }
      at = extraEnd + commentLength;
      if (name.endsWith('/')) continue;
      if ((flags & 1) !== 0) throw new ZipError(`${name} is encrypted`);
      this.entries.set(partKey(name), { name, method, compressedSize, size, localOffset });
    }
  }

  /** Every part's name and declared inflated size (read before inflating anything). */
  parts(): { name: string; size: number }[] {
    return [...this.entries.values()].map(({ name, size }) => ({ name, size }));
  }

  /** Whether the archive holds this part. */
  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /**
   * Hands the part's bytes to `onChunk` piece by piece, inflating as it goes (never the whole part at once);
   * false when there is no such part. Throws a ZipError for a damaged entry or an unknown compression.
   */
  read(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const entry = this.entries.get(partKey(name));
    if (entry === undefined) return false;
    const at = entry.localOffset;
    if (this.u32(at) !== LOCAL) throw new ZipError(`bad local header for ${entry.name}`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    const stop = start + entry.compressedSize;
    this.need(start, entry.compressedSize);
    if (entry.method === STORED) {
      for (let from = start; from < stop; from += CHUNK)
        onChunk(this.bytes.subarray(from, Math.min(stop, from + CHUNK)));
      return true;
    }
    if (entry.method !== DEFLATED)
      throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
    // An error thrown by onChunk (the XML parser's) goes through as it is; the inflater's own become ZipErrors.
    let fromReader: unknown;
    const inflater = new Inflate((chunk) => {
      if (chunk.length === 0) return;
      try {
        onChunk(chunk);
      } catch (error) {
        fromReader = error;
        throw error;
      }
    });
    try {
      if (stop === start) inflater.push(new Uint8Array(0), true);
      for (let from = start; from < stop; from += CHUNK) {
        const to = Math.min(stop, from + CHUNK);
        inflater.push(this.bytes.subarray(from, to), to === stop);
      }
    } catch (error) {
      if (error === fromReader || error instanceof ZipError) throw error;
      throw new ZipError(`${entry.name} cannot be inflated: ${(error as Error).message}`);
    }
    return true;
  }
}
