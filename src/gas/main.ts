// Apps Script entry points (minimal placeholder: the add-on menu); the build re-declares each export as a global.

/** Builds the add-on menu when the spreadsheet opens. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // Under 扩展程序 the add-on menu carries the script project's name; this placeholder item reopens it.
  SpreadsheetApp.getUi().createAddonMenu().addItem('走访台账', 'onOpen').addToUi();
}

/** Runs when the add-on is installed: same menu as on open. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
