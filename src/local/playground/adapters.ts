// The playground's Node adapters of the small ports: a JSON file Store, an in-process Lock, the user and the clock.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Clock, Lock, Store, UserInfo } from '../../app/ports';

/** A key-value Store kept in one small JSON file (the remembered person lives here, like PropertiesService). */
export class FileStore implements Store {
  private values: Record<string, string>;

  constructor(readonly file: string) {
    this.values = FileStore.load(file);
  }

  private static load(file: string): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    } catch {
      return {};
    }
  }

  get(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.values, key) ? (this.values[key] ?? null) : null;
  }

  set(key: string, value: string): void {
    this.values = { ...this.values, [key]: value };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.values, null, 2) + '\n');
    renameSync(temp, this.file);
  }
}

/**
 * The document lock inside one Node process. Use cases run synchronously to the end, so the lock can only
 * be found taken by a nested call; that is refused, as a second holder would be in Apps Script.
 */
export class ProcessLock implements Lock {
  private held = false;

  withLock<T>(fn: () => T): T {
    if (this.held) throw new Error('The workbook is busy; try again.');
    this.held = true;
    try {
      return fn();
    } finally {
      this.held = false;
    }
  }
}

/** The person at the keyboard: the playground knows no signed-in account unless an email is given. */
export function localUser(email = ''): UserInfo {
  return { email: () => email };
}

/** The real clock, or a fixed day (noon UTC, the same calendar day from UTC-11 to UTC+11) for tests and demos. */
export function playgroundClock(today?: string): Clock {
  if (today === undefined) return { now: () => new Date() };
  const fixed = new Date(`${today}T12:00:00Z`);
  return { now: () => new Date(fixed.getTime()) };
}
