// Who is using the add-on (UserInfo over Session) and their own small store (Store over user properties).
import type { Store, UserInfo } from '../app/ports';

export class GasUser implements UserInfo {
  /** The signed-in email; '' when Apps Script does not give it (consumer accounts, some simple triggers). */
  email(): string {
    try {
      return Session.getActiveUser().getEmail() ?? '';
    } catch {
      return '';
    }
  }
}

/** One user's properties: what they chose once (their own name) is remembered for them only. */
export class GasUserStore implements Store {
  private properties: GoogleAppsScript.Properties.Properties | undefined;

  private store(): GoogleAppsScript.Properties.Properties {
    this.properties ??= PropertiesService.getUserProperties();
    return this.properties;
  }

  get(key: string): string | null {
    return this.store().getProperty(key);
  }

  set(key: string, value: string): void {
    this.store().setProperty(key, value);
  }
}
