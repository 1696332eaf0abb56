// A SheetFormat applied to an exceljs worksheet: frozen header, widths, dropdowns, number formats, colours.
import type { DataValidation, Worksheet } from 'exceljs';
import type { SheetFormat } from '../app/ports';
import { columnLetter } from '../core/a1';

/** Dropdowns and column formats reach this many rows below the last used row. */
export const FORMAT_ROWS_AHEAD = 2000;
/** Excel column width units are about 7 pixels of the default font. */
const PX_PER_WIDTH_UNIT = 7;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A list-literal formula for a dropdown: "a,b,c" (quotes doubled). */
function listLiteral(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

/** exceljs has worksheet.dataValidations (range addresses allowed) but its typings omit it. */
interface WithValidations {
  dataValidations: { add(address: string, validation: DataValidation): void };
}

export function applySheetFormat(ws: Worksheet, format: SheetFormat): void {
  const validations = (ws as unknown as WithValidations).dataValidations;
  const lastRow = Math.max(ws.rowCount, 1) + FORMAT_ROWS_AHEAD;
  const dataRange = (column: number) => `${columnLetter(column)}2:${columnLetter(column)}${lastRow}`;

  if (format.frozenRows !== undefined || format.frozenColumns !== undefined) {
    const ySplit = format.frozenRows ?? 0;
    const xSplit = format.frozenColumns ?? 0;
    ws.views = ySplit > 0 || xSplit > 0 ? [{ state: 'frozen', xSplit, ySplit }] : [];
  }
  if (format.print !== undefined) {
    // A4 (paper size 9), portrait, as wide as one page and as long as it takes, the title rows on every page.
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(format.print.repeatRows > 0 ? { printTitlesRow: `1:${format.print.repeatRows}` } : {}),
    };
  }
  format.widths?.forEach((px, index) => {
    ws.getColumn(index + 1).width = Math.max(4, Math.round((px / PX_PER_WIDTH_UNIT) * 10) / 10);
  });
  for (const choice of format.choices ?? []) {
    validations.add(dataRange(choice.column), {
      type: 'list',
      allowBlank: true,
      formulae: [listLiteral(choice.values)],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  }
  for (const roster of format.rosterChoices ?? []) {
    const col = columnLetter(roster.sourceColumn);
    validations.add(dataRange(roster.column), {
      type: 'list',
      allowBlank: true,
      formulae: [`${quoteSheet(roster.sheet)}!$${col}$2:$${col}$${lastRow}`],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  }
  const numberFormats: [number, string][] = [
    ...(format.dateColumns ?? []).map((c): [number, string] => [c, 'yyyy-mm-dd']),
    ...(format.textColumns ?? []).map((c): [number, string] => [c, '@']),
  ];
  for (const [column, numFmt] of numberFormats) {
    ws.getColumn(column + 1).numFmt = numFmt;
    // Cells that already exist keep their own style: give the data cells the format too (values untouched).
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).findCell(column + 1);
      if (cell) cell.numFmt = numFmt;
    }
  }
  format.backgrounds?.forEach((row, r) =>
    row.forEach((color, c) => {
      if (!color) return;
      ws.getCell(r + 1, c + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: `FF${color.replace('#', '').toUpperCase()}` },
      };
    }),
  );
  for (const r of format.boldRows ?? []) {
    ws.getRow(r + 1).eachCell((cell) => {
      cell.font = { ...(cell.font ?? {}), bold: true };
    });
  }
  (format.highlights ?? []).forEach((h, i) => {
    const col = columnLetter(h.column);
    ws.addConditionalFormatting({
      ref: `${col}2:${col}${lastRow}`,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [`LEFT(${col}2,${h.prefix.length})="${h.prefix.replace(/"/g, '""')}"`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${h.color.replace('#', '')}` } },
          },
        },
      ],
    });
  });
  const prefixes = format.highlights?.length ?? 0;
  (format.formulaHighlights ?? []).forEach((h, i) => {
    const col = columnLetter(h.column);
    ws.addConditionalFormatting({
      ref: `${col}2:${col}${lastRow}`,
      rules: [
        {
          type: 'expression',
          priority: prefixes + i + 1,
          formulae: [h.formula],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${h.color.replace('#', '')}` } },
          },
        },
      ],
    });
  });
  // format.chart: exceljs cannot draw charts; the report's table holds the same figures.
  // format.protect: an .xlsx has no warning-only protection; an offline file is the user's own copy.
}
