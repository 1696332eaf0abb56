// The sidebar's server functions inside Apps Script: the use cases of src/app/sidebar.ts over the Apps Script adapters.
import { recompute } from '../app/recompute';
import {
  classStudents,
  rememberPerson,
  saveRecord,
  sidebarBootstrap,
  type SidebarPorts,
} from '../app/sidebar';
import type { ServerApi } from '../contract/server-api';
import { GasLock } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

/**
 * Fresh adapters for one execution. After a save, 进度 and 校验 are recomputed under the same lock, over a
 * workbook listed afresh: while this execution waited for the lock, another may have added a sheet (进度).
 */
function gasPorts(): SidebarPorts {
  const clock = { now: () => new Date() };
  return {
    workbook: new GasWorkbook(),
    lock: new GasLock(),
    store: new GasUserStore(),
    user: new GasUser(),
    clock,
    refreshStatus: (_campaign, today) => {
      recompute(new GasWorkbook(), { now: clock.now(), today });
    },
  };
}

/** Exactly the functions of ServerApi (the compiler checks names, arguments and JSON-only results). */
export const sidebarServer: ServerApi = {
  sidebarBootstrap: () => sidebarBootstrap(gasPorts()),
  sidebarRememberPerson: (name) => rememberPerson(gasPorts(), name),
  sidebarClassStudents: (className) => classStudents(gasPorts(), className),
  sidebarSave: (input) => saveRecord(gasPorts(), input),
};
