// A fake of HtmlService: pages from a map of files (or a folder on disk), outputs and templates, counted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallLog } from './calls';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput {
  title = '';
  width = 0;
  height = 0;
  sandboxMode = '';
  /** The file it came from ('' for createHtmlOutput). */
  readonly file: string;

  constructor(
    private readonly calls: CallLog,
    private content: string,
    file = '',
  ) {
    this.file = file;
  }

  getContent(): string {
    this.calls.hit('HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): this {
    this.calls.hit('HtmlOutput.setContent');
    this.content = content;
    return this;
  }
  append(addition: string): this {
    this.calls.hit('HtmlOutput.append');
    this.content += addition;
    return this;
  }
  setTitle(title: string): this {
    this.calls.hit('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }
  getTitle(): string {
    this.calls.hit('HtmlOutput.getTitle');
    return this.title;
  }
  setWidth(width: number): this {
    this.calls.hit('HtmlOutput.setWidth');
    this.width = width;
    return this;
  }
  getWidth(): number {
    this.calls.hit('HtmlOutput.getWidth');
    return this.width;
  }
  setHeight(height: number): this {
    this.calls.hit('HtmlOutput.setHeight');
    this.height = height;
    return this;
  }
  getHeight(): number {
    this.calls.hit('HtmlOutput.getHeight');
    return this.height;
  }
  setSandboxMode(mode: string): this {
    this.calls.hit('HtmlOutput.setSandboxMode');
    this.sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(_mode: string): this {
    this.calls.hit('HtmlOutput.setXFrameOptionsMode');
    return this;
  }
  addMetaTag(_name: string, _content: string): this {
    this.calls.hit('HtmlOutput.addMetaTag');
    return this;
  }
}

/** A template; properties set on it are available to <?= name ?> and <?!= name ?>. */
export class FakeHtmlTemplate {
  [property: string]: unknown;

  constructor(calls: CallLog, source: string, file: string) {
    Object.defineProperty(this, 'evaluate', {
      enumerable: false,
      value: (): FakeHtmlOutput => {
        calls.hit('HtmlTemplate.evaluate');
        const content = source.replace(/<\?!?=\s*([\w$]+)\s*\?>/g, (_, name: string) =>
          String(this[name] ?? ''),
        );
        return new FakeHtmlOutput(calls, content, file);
      },
    });
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private readonly files: Map<string, string>;

  constructor(
    private readonly calls: CallLog,
    files: Record<string, string> = {},
    /** A folder whose NAME.html files are served too (e.g. dist/), after the map. */
    private readonly folder?: string,
  ) {
    this.files = new Map(Object.entries(files));
  }

  /** Test helper (not counted): adds or replaces a project HTML file. */
  addFile(name: string, content: string): void {
    this.files.set(name, content);
  }

  private source(name: string): string {
    const known = this.files.get(name);
    if (known !== undefined) return known;
    if (this.folder !== undefined) {
      const path = join(this.folder, `${name}.html`);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    throw new Error(`No HTML file named ${name} was found.`);
  }

  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    this.calls.hit('HtmlService.createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.calls, this.source(name), name);
  }
  createTemplateFromFile(name: string): FakeHtmlTemplate {
    this.calls.hit('HtmlService.createTemplateFromFile');
    return new FakeHtmlTemplate(this.calls, this.source(name), name);
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    this.calls.hit('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.calls, html);
  }
}
