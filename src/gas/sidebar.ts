// The sidebar's server functions inside Apps Script: the use cases of src/app/sidebar.ts over the Apps Script adapters.
import {
  classStudents,
  findStudents,
  previewSave,
  rememberPerson,
  saveRecord,
  sidebarBootstrap,
  type SidebarPorts,
} from '../app/sidebar';
import {
  closeFromSidebar,
  convertFromSidebar,
  discussionFromSidebar,
  sidebarTodo,
  suggestFromSidebar,
} from '../app/sidebar-todo';
import { withdrawRecord } from '../app/withdraw';
import type { ServerApi } from '../contract/server-api';
import { GasLock } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';
import { pinyinInitials } from '../app/pinyin';

/** Fresh adapters for one execution. */
function gasPorts(): SidebarPorts {
  return {
    workbook: new GasWorkbook(),
    lock: new GasLock(),
    store: new GasUserStore(),
    user: new GasUser(),
    clock: { now: () => new Date() },
    initials: pinyinInitials,
  };
}

/** Exactly the functions of ServerApi (the compiler checks names, arguments and JSON-only results). */
export const sidebarServer: ServerApi = {
  sidebarBootstrap: () => sidebarBootstrap(gasPorts()),
  sidebarRememberPerson: (name) => rememberPerson(gasPorts(), name),
  sidebarClassStudents: (className) => classStudents(gasPorts(), className),
  sidebarFindStudents: (query) => findStudents(gasPorts(), query),
  sidebarPreview: (input) => previewSave(gasPorts(), input),
  sidebarSave: (input) => saveRecord(gasPorts(), input),
  sidebarWithdraw: (id) => withdrawRecord(gasPorts(), id),
  sidebarTodo: () => sidebarTodo(gasPorts()),
  sidebarCloseFollowUp: (input) => closeFromSidebar(gasPorts(), input),
  sidebarConvert: (input) => convertFromSidebar(gasPorts(), input),
  sidebarSuggest: (input) => suggestFromSidebar(gasPorts(), input),
  sidebarDiscussion: (input) => discussionFromSidebar(gasPorts(), input),
};
