// The sidebar's server functions in the playground: the use cases of src/app/sidebar.ts over the Node adapters.
import {
  classStudents,
  rememberPerson,
  saveRecord,
  sidebarBootstrap,
  type SidebarPorts,
} from '../../app/sidebar';
import type { Clock, Lock, Store, UserInfo, WorkbookPort } from '../../app/ports';
import { SERVER_FUNCTIONS, type ServerApi, type ServerFunction } from '../../contract/server-api';

/** The same wiring as src/gas/sidebar.ts, over the playground's workbook and ports. */
export function sidebarServer(
  workbook: WorkbookPort,
  ports: { lock: Lock; store: Store; user: UserInfo; clock: Clock },
): ServerApi {
  const sidebarPorts: SidebarPorts = { workbook, ...ports };
  return {
    sidebarBootstrap: () => sidebarBootstrap(sidebarPorts),
    sidebarRememberPerson: (name) => rememberPerson(sidebarPorts, name),
    sidebarClassStudents: (className) => classStudents(sidebarPorts, className),
    sidebarSave: (input) => saveRecord(sidebarPorts, input),
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
