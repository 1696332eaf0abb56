// The names of main.ts's entry points as types, so a menu item or a trigger naming a missing handler does not compile.
import type * as EntryPoints from './main';

/** Any global function of the bundle (an export of main.ts). */
export type EntryPoint = keyof typeof EntryPoints;

/** The entry points a menu item may call: main.ts's `menu…` functions. */
export type MenuHandler = Extract<EntryPoint, `menu${string}`>;
