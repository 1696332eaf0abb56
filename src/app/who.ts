// Who entered a row: the signed-in email, else the name the person picked once in the sidebar (remembered per user).
import type { Store, UserInfo } from './ports';

/** The user-store key under which the sidebar remembers the person's own name (staff roster spelling). */
export const MY_NAME_KEY = 'visitLedger.myName';

/** The 录入人 stamp: the email Apps Script gives, else the remembered name, else ''. */
export function enteredBy(user: UserInfo, store: Store): string {
  const email = user.email().trim();
  if (email !== '') return email;
  return (store.get(MY_NAME_KEY) ?? '').trim();
}
