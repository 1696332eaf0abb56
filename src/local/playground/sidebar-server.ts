// The sidebar's server functions in the playground: the use cases of src/app/sidebar.ts over the Node adapters.
import {
  classStudents,
  findStudents,
  previewSave,
  rememberPerson,
  saveRecord,
  sidebarBootstrap,
  type SidebarPorts,
} from '../../app/sidebar';
import {
  closeFromSidebar,
  convertFromSidebar,
  discussionFromSidebar,
  sidebarTodo,
  suggestFromSidebar,
} from '../../app/sidebar-todo';
import { withdrawRecord } from '../../app/withdraw';
import type { Initials } from '../../app/initials';
import { pinyinInitials } from '../../app/pinyin';
import type { Clock, Lock, Store, UserInfo, WorkbookPort } from '../../app/ports';
import { SERVER_FUNCTIONS, type ServerApi, type ServerFunction } from '../../contract/server-api';

/** The pinyin initials the playground's search matches: pinyin-pro's, as in Apps Script. */
let playgroundInitials: Initials = pinyinInitials;

/** Sets the initials function of the playground's sidebar (undefined: back to pinyin-pro's). */
export function usePlaygroundInitials(initials: Initials | undefined): void {
  playgroundInitials = initials ?? pinyinInitials;
}

/** The same wiring as src/gas/sidebar.ts, over the playground's workbook and ports. */
export function sidebarServer(
  workbook: WorkbookPort,
  ports: { lock: Lock; store: Store; user: UserInfo; clock: Clock },
): ServerApi {
  const sidebarPorts: SidebarPorts = { workbook, ...ports, initials: playgroundInitials };
  return {
    sidebarBootstrap: () => sidebarBootstrap(sidebarPorts),
    sidebarRememberPerson: (name) => rememberPerson(sidebarPorts, name),
    sidebarClassStudents: (className) => classStudents(sidebarPorts, className),
    sidebarFindStudents: (query) => findStudents(sidebarPorts, query),
    sidebarPreview: (input) => previewSave(sidebarPorts, input),
    sidebarSave: (input) => saveRecord(sidebarPorts, input),
    sidebarWithdraw: (id) => withdrawRecord(sidebarPorts, id),
    sidebarTodo: () => sidebarTodo(sidebarPorts),
    sidebarCloseFollowUp: (input) => closeFromSidebar(sidebarPorts, input),
    sidebarConvert: (input) => convertFromSidebar(sidebarPorts, input),
    sidebarSuggest: (input) => suggestFromSidebar(sidebarPorts, input),
    sidebarDiscussion: (input) => discussionFromSidebar(sidebarPorts, input),
  };
}

export function isServerFunction(name: string): name is ServerFunction {
  return (SERVER_FUNCTIONS as readonly string[]).includes(name);
}

/** Calls one server function by name with JSON arguments, as google.script.run does. */
export function callServer(server: ServerApi, name: ServerFunction, args: unknown[]): unknown {
  const fn = server[name] as (...a: unknown[]) => unknown;
  return fn(...args);
}
