// A fake of the spreadsheet's Ui: menus, alerts, prompts, sidebars and dialogs, recorded for tests and counted.
import type { CallLog } from './calls';
import type { FakeHtmlOutput } from './html';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export interface MenuItem {
  caption: string;
  functionName: string;
}

export class FakeMenu {
  /** Items in order; a separator is { caption: '---', functionName: '' }. */
  readonly items: (MenuItem | FakeMenu)[] = [];

  constructor(
    private readonly calls: CallLog,
    private readonly ui: FakeUi,
    /** createMenu's caption; for createAddonMenu, the add-on's name from the manifest. */
    readonly title: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.calls.hit('Menu.addItem');
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.calls.hit('Menu.addSeparator');
    this.items.push({ caption: '---', functionName: '' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.calls.hit('Menu.addSubMenu');
    this.items.push(menu);
    return this;
  }
  addToUi(): void {
    this.calls.hit('Menu.addToUi');
    this.ui.menus.push(this);
  }
}

export class FakePromptResponse {
  constructor(
    private readonly calls: CallLog,
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    this.calls.hit('PromptResponse.getResponseText');
    return this.text;
  }
  getSelectedButton(): string {
    this.calls.hit('PromptResponse.getSelectedButton');
    return this.button;
  }
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  /** Menus added with addToUi, in order. */
  readonly menus: FakeMenu[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { html: FakeHtmlOutput; title: string; modal: boolean }[] = [];
  /** What the next alerts answer (OK when empty). */
  readonly alertAnswers: string[] = [];
  /** What the next prompts answer: typed text and the button pressed. */
  readonly promptAnswers: { text: string; button: string }[] = [];

  constructor(
    private readonly calls: CallLog,
    /** The name Apps Script shows on an add-on menu (the manifest / script project name). */
    private readonly addonName: string,
  ) {}

  createAddonMenu(): FakeMenu {
    this.calls.hit('Ui.createAddonMenu');
    return new FakeMenu(this.calls, this, this.addonName, true);
  }
  createMenu(caption: string): FakeMenu {
    this.calls.hit('Ui.createMenu');
    return new FakeMenu(this.calls, this, caption, false);
  }
  alert(titleOrPrompt: string, prompt?: string, _buttons?: string): string {
    this.calls.hit('Ui.alert');
    this.alerts.push(
      prompt === undefined ? { title: '', prompt: titleOrPrompt } : { title: titleOrPrompt, prompt },
    );
    return this.alertAnswers.shift() ?? Button.OK;
  }
  prompt(titleOrPrompt: string, prompt?: string | unknown, _buttons?: string): FakePromptResponse {
    this.calls.hit('Ui.prompt');
    this.alerts.push(
      typeof prompt === 'string' ? { title: titleOrPrompt, prompt } : { title: '', prompt: titleOrPrompt },
    );
    const answer = this.promptAnswers.shift() ?? { text: '', button: Button.CANCEL };
    return new FakePromptResponse(this.calls, answer.text, answer.button);
  }
  showSidebar(html: FakeHtmlOutput): void {
    this.calls.hit('Ui.showSidebar');
    this.sidebars.push(html);
  }
  showModalDialog(html: FakeHtmlOutput, title: string): void {
    this.calls.hit('Ui.showModalDialog');
    this.dialogs.push({ html, title, modal: true });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string): void {
    this.calls.hit('Ui.showModelessDialog');
    this.dialogs.push({ html, title, modal: false });
  }
}
