// Test helpers: the sample school (or any rows) as an in-memory workbook, a fixed clock and a plain lock.
import { sampleSchool, type SampleSchool } from '../../src/core/sample/sample-school';
import { defaultHeaders, sheetName, TABLE_KEYS } from '../../src/core/tables';
import type { Lang } from '../../src/core/i18n/messages';
import type { Clock, Lock, Store } from '../../src/app/ports';
import { newXlsx, type XlsxWorkbook } from '../../src/local/xlsx-workbook';

/** Every record sheet of a sample school written into a fresh in-memory workbook. */
export function workbookOf(school: SampleSchool): XlsxWorkbook {
  const wb = newXlsx();
  for (const key of TABLE_KEYS) {
    wb.replace(sheetName(key, school.lang), [defaultHeaders(key, school.lang), ...school.rows[key]], {});
  }
  return wb;
}

export function sampleWorkbook(today: string, lang: Lang = 'zh'): { school: SampleSchool; wb: XlsxWorkbook } {
  const school = sampleSchool(today, lang);
  return { school, wb: workbookOf(school) };
}

/** A clock stopped at a given wall-clock time of Asia/Shanghai (UTC+8, no DST). */
export function clockAt(date: string, time = '08:05'): Clock & { set(date: string, time?: string): void } {
  let now = new Date(`${date}T${time}:00+08:00`);
  return {
    now: () => now,
    set(d: string, t = '08:05') {
      now = new Date(`${d}T${t}:00+08:00`);
    },
  };
}

/** A lock that counts how often it was taken and refuses re-entry (as a document lock held by a run). */
export function plainLock(): Lock & { taken: number } {
  let held = false;
  const lock = {
    taken: 0,
    withLock<T>(fn: () => T): T {
      if (held) throw new Error('lock busy');
      held = true;
      lock.taken++;
      try {
        return fn();
      } finally {
        held = false;
      }
    },
  };
  return lock;
}

export function memoryStore(): Store & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}
