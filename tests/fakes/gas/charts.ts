// A fake of embedded charts: Sheet.newChart() builders (bar charts over ranges, position, options), counted.
import type { CallLog } from './calls';
import type { FakeRange } from './spreadsheet';

export class FakeEmbeddedChart {
  constructor(
    readonly id: number,
    readonly type: string,
    readonly ranges: readonly FakeRange[],
    readonly position: { row: number; column: number },
    readonly options: Readonly<Record<string, unknown>>,
  ) {}
  getChartId(): number {
    return this.id;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  getOptions(): { get(name: string): unknown } {
    return { get: (name) => this.options[name] };
  }
}

let nextChartId = 1;

export class FakeEmbeddedChartBuilder {
  private type = 'LINE';
  private readonly ranges: FakeRange[] = [];
  private position = { row: 1, column: 1 };
  private readonly options: Record<string, unknown> = {};

  constructor(private readonly calls: CallLog) {}

  asBarChart(): this {
    this.calls.hit('EmbeddedChartBuilder.asBarChart');
    this.type = 'BAR';
    return this;
  }
  asColumnChart(): this {
    this.calls.hit('EmbeddedChartBuilder.asColumnChart');
    this.type = 'COLUMN';
    return this;
  }
  addRange(range: FakeRange): this {
    this.calls.hit('EmbeddedChartBuilder.addRange');
    this.ranges.push(range);
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, _offsetX: number, _offsetY: number): this {
    this.calls.hit('EmbeddedChartBuilder.setPosition');
    this.position = { row: anchorRow, column: anchorColumn };
    return this;
  }
  setOption(name: string, value: unknown): this {
    this.calls.hit('EmbeddedChartBuilder.setOption');
    this.options[name] = value;
    return this;
  }
  setTitle(title: string): this {
    this.calls.hit('EmbeddedChartBuilder.setTitle');
    this.options.title = title;
    return this;
  }
  build(): FakeEmbeddedChart {
    this.calls.hit('EmbeddedChartBuilder.build');
    return new FakeEmbeddedChart(
      nextChartId++,
      this.type,
      [...this.ranges],
      { ...this.position },
      { ...this.options },
    );
  }
}
