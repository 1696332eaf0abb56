// The Mailer port over MailApp: the remaining daily quota, and one message sent with HTML and plain text.
import type { MailMessage, Mailer } from '../app/ports';

/** The sender name recipients see. */
const SENDER_NAME = '走访台账 Visit Ledger';

export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: MailMessage): void {
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.text,
      htmlBody: message.html,
      name: SENDER_NAME,
    });
  }
}
