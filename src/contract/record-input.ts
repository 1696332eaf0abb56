// The record the sidebar sends to be saved: its type, shared by the browser and the server (core keeps the schema).
export type { RecordInput } from '../core/schemas';
