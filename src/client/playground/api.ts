// The playground page's calls to its server: JSON over fetch, errors as Error with the server's message.
import type {
  ActionResult,
  BookView,
  EditRequest,
  FileState,
  MenuRequest,
  RunResult,
} from '../../contract/playground-protocol';

async function request<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const value = (await response.json().catch(() => ({ error: response.statusText }))) as T & {
    error?: string;
  };
  if (!response.ok) throw new Error(value.error ?? `HTTP ${response.status}`);
  return value;
}

export const api = {
  book: () => request<BookView>('/api/book'),
  file: () => request<FileState>('/api/file'),
  edit: (edit: EditRequest) => request<ActionResult>('/api/edit', edit),
  menu: (menu: MenuRequest) => request<ActionResult>('/api/menu', menu),
  run: (name: string, args: unknown[]) => request<RunResult>(`/api/run/${name}`, args),
};
