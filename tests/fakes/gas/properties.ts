// A fake of PropertiesService: script, document and per-user key-value stores, counted.
import type { CallLog } from './calls';

export class FakeProperties {
  readonly data = new Map<string, string>();

  constructor(
    private readonly calls: CallLog,
    private readonly label: string,
  ) {}

  private hit(method: string): void {
    this.calls.hit(`${this.label}.${method}`);
  }

  getProperty(key: string): string | null {
    this.hit('getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.hit('setProperty');
    this.data.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): this {
    this.hit('deleteProperty');
    this.data.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    this.hit('getProperties');
    return Object.fromEntries(this.data);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    this.hit('setProperties');
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(properties)) this.data.set(k, String(v));
    return this;
  }
  getKeys(): string[] {
    this.hit('getKeys');
    return [...this.data.keys()];
  }
  deleteAllProperties(): this {
    this.hit('deleteAllProperties');
    this.data.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly script: FakeProperties;
  readonly document: FakeProperties;
  private readonly users = new Map<string, FakeProperties>();

  constructor(
    private readonly calls: CallLog,
    /** The current user's key (their email, or a stand-in when the platform gives none). */
    private readonly currentUser: () => string,
  ) {
    this.script = new FakeProperties(calls, 'ScriptProperties');
    this.document = new FakeProperties(calls, 'DocumentProperties');
  }

  /** Test helper (not counted): the user store of a given user. */
  user(key: string): FakeProperties {
    let store = this.users.get(key);
    if (store === undefined) {
      store = new FakeProperties(this.calls, 'UserProperties');
      this.users.set(key, store);
    }
    return store;
  }

  getUserProperties(): FakeProperties {
    this.calls.hit('PropertiesService.getUserProperties');
    return this.user(this.currentUser());
  }
  getScriptProperties(): FakeProperties {
    this.calls.hit('PropertiesService.getScriptProperties');
    return this.script;
  }
  getDocumentProperties(): FakeProperties {
    this.calls.hit('PropertiesService.getDocumentProperties');
    return this.document;
  }
}
