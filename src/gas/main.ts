// Apps Script entry points (minimal placeholder: the add-on menu); the build re-declares each export as a global.

/** Builds the add-on menu when the spreadsheet opens. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().setTitle('走访台账').addToUi();
}

/** Runs when the add-on is installed: same menu as on open. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
