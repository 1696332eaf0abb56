// 导出个人数据 and 删除个人数据 inside Google Sheets (over the fakes): the prompt, the YES/NO with what would change, the refusal, the lock.
import { menuErasePersonData, menuExportPersonData } from '../../src/gas/main';
import { PERSON_SHEETS } from '../local/person-data-fixture';
import type { FakeSheet } from '../fakes/gas';
import { typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

function values(sheet: FakeSheet | null): unknown[][] {
  if (sheet === null) return [];
  return sheet.getDataRange().getValues() as unknown[][];
}

/** Every value of every sheet, as one text. */
function everything(): string {
  return JSON.stringify(
    fakes()
      .spreadsheet.getSheets()
      .map((s) => values(s)),
  );
}

beforeEach(() => typeSheets(fakes().spreadsheet, PERSON_SHEETS));

describe('导出个人数据', () => {
  it('asks, shows how many rows, and on YES writes the protected sheet 个人数据导出 <name> and says to download and delete it', () => {
    const before = everything();
    fakes().ui.promptAnswers.push({ text: '赵老师', button: 'OK' });
    fakes().ui.alertAnswers.push('YES');
    menuExportPersonData();
    const alerts = fakes().ui.alerts;
    expect(alerts[1]?.prompt).toContain('共 10 行');
    expect(alerts[1]?.prompt).toContain('人员 1、走访记录 5、家访记录 2、问题整改 1、献计 1');
    expect(alerts.at(-1)?.prompt).toContain('下载');
    expect(alerts.at(-1)?.prompt).toContain('删除该工作表');
    const sheet = fakes().spreadsheet.getSheetByName('个人数据导出 赵老师');
    expect(sheet).not.toBeNull();
    expect(sheet?.protections.length).toBeGreaterThan(0);
    const text = JSON.stringify(values(sheet));
    expect(text).toContain('门口拥堵');
    expect(text).not.toContain('何静'); // a visit naming nobody asked about
    // The record sheets are as they were.
    const after = JSON.parse(everything()) as unknown[];
    expect(JSON.stringify(after.slice(0, -1))).toBe(before);
  });

  it('takes a 学号 as a student, and writes nothing when the person says no', () => {
    fakes().ui.promptAnswers.push({ text: 'S101', button: 'OK' });
    fakes().ui.alertAnswers.push('NO');
    const before = everything();
    menuExportPersonData();
    expect(fakes().ui.alerts[1]?.prompt).toContain('学生 2、家访记录 2');
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe('已取消，未做任何更改。');
    expect(everything()).toBe(before);
  });
});

describe('删除个人数据', () => {
  it('shows what would change, and changes nothing on NO', () => {
    const before = everything();
    fakes().ui.promptAnswers.push({ text: '赵老师', button: 'OK' });
    fakes().ui.alertAnswers.push('NO');
    menuErasePersonData();
    expect(fakes().ui.alerts[1]?.prompt).toContain('11 个单元格');
    expect(fakes().ui.alerts[1]?.prompt).toContain('已删除-1');
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe('已取消，未做任何更改。');
    expect(everything()).toBe(before);
  });

  it('on YES replaces the name by 已删除-1 everywhere, blanks the e-mail, logs one line without the name, and deletes an earlier export', () => {
    fakes().ui.promptAnswers.push({ text: '赵老师', button: 'OK' });
    fakes().ui.alertAnswers.push('YES');
    menuExportPersonData();
    expect(fakes().spreadsheet.getSheetByName('个人数据导出 赵老师')).not.toBeNull();
    fakes().ui.promptAnswers.push({ text: '赵老师', button: 'OK' });
    fakes().ui.alertAnswers.push('YES');
    menuErasePersonData();
    expect(fakes().spreadsheet.getSheetByName('个人数据导出 赵老师')).toBeNull();
    const text = everything();
    expect(text).not.toContain('赵老师');
    expect(text).not.toContain('zhao@school.cn');
    expect(text).toContain('已删除-1');
    const log = values(fakes().spreadsheet.getSheetByName('修改日志'));
    expect(log).toHaveLength(2);
    expect(String(log[1]?.[4])).toContain('教职工');
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain('已更改 11 个单元格');
  });

  it('an empty answer or Cancel changes nothing', () => {
    const before = everything();
    fakes().ui.promptAnswers.push({ text: '  ', button: 'OK' });
    menuErasePersonData();
    fakes().ui.promptAnswers.push({ text: '赵老师', button: 'CANCEL' });
    menuErasePersonData();
    expect(fakes().ui.alerts.map((a) => a.prompt)).toContain('没有输入姓名或学号，未做任何更改。');
    expect(everything()).toBe(before);
  });
});
