// The 自检 menu item inside Google Sheets (over the counting fakes): every line, its passing and its failing case.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { menuEnableReminders, menuSelfTest } from '../../src/gas/main';
import { defaultHeaders, sheetName, TABLE_KEYS, TABLES, type TableKey } from '../../src/core/tables';
import { school, STAFF, type WorkbookSpec } from '../core/helpers';
import { createGasFakes, type FakeSheet } from '../fakes/gas';
import { typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

/** The person running the self-test: 张校长, whose email is in 人员 (the add-on sees it, and runs as them). */
const ME = 'teacher@school.example';

function signInAs(email: string): void {
  fakes().Session.activeEmail = email;
  fakes().Session.effectiveEmail = email;
}

/** The test school with 张校长's email in 人员 (no other contact detail changes). */
function typeSchool(spec: WorkbookSpec = {}): void {
  const staff = STAFF.map((r) => (r?.name === '张校长' ? { ...r, email: ME } : r));
  typeSheets(fakes().spreadsheet, school({ staff, ...spec }));
}

/** Runs 自检, answering the test-mail question with YES or NO. */
function selfTest(answer: 'YES' | 'NO' = 'NO'): void {
  fakes().ui.alertAnswers.push(answer);
  menuSelfTest();
}

type Row = [name: string, status: string, value: string, meaning: string];

function sheetRows(name = '自检'): Row[] {
  return fakes()
    .spreadsheet.sheet(name)
    .store.values()
    .map((r) => r.map(String) as Row);
}

/** The 自检 sheet's line of a check, by its name (e.g. 表格时区, 工作表：学生). */
function line(name: string): Row {
  const found = sheetRows().find((r) => r[0] === name);
  if (found === undefined) throw new Error(`No line ${name} in 自检: ${JSON.stringify(sheetRows())}`);
  return found;
}

function dialogHtml(): string {
  return fakes().ui.dialogs.at(-1)?.html.getContent() ?? '';
}

const OK = '✓ 正常';
const WARNING = '⚠ 注意';
const FAIL = '✗ 失败';

const LINE_NAMES = [
  '表格时区',
  '脚本时区',
  '日期读写',
  '语言',
  ...TABLE_KEYS.map((k) => `工作表：${sheetName(k, 'zh')}`),
  '登录邮箱',
  '自动提醒',
  '邮件配额',
  '重新计算用时',
  '测试邮件',
];

beforeEach(() => signInAs(ME));

describe('menuSelfTest on a healthy workbook', () => {
  beforeEach(() => {
    typeSchool();
    menuEnableReminders();
  });

  it('asks about the test mail first, then reports every line as fine in the 自检 sheet and the dialog', () => {
    selfTest('YES');
    const { ui } = fakes();
    expect(ui.alerts[1]).toEqual({
      title: '自检',
      prompt: expect.stringContaining('是否同时给您自己发一封测试邮件？'),
    });
    const rows = sheetRows();
    expect(rows[0]).toEqual(['检查项', '结果', '发现', '说明']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(LINE_NAMES);
    expect(rows.slice(1).filter((r) => r[1] !== OK)).toEqual([]);

    expect(line('表格时区').slice(2)).toEqual([
      'Asia/Shanghai（表格此刻 2027-04-20 10:00）',
      '与“设置”的时区一致：表格里的日期、“今天”和提醒时间都按 Asia/Shanghai。',
    ]);
    expect(line('脚本时区')[2]).toBe('Asia/Shanghai');
    expect(line('日期读写')[2]).toBe(
      '写入 2027-04-20 / 2027-04-20 12:30，读回 2027-04-20 / 2027-04-20 12:30',
    );
    expect(line('语言')[2]).toBe('中文（zh）');
    expect(line('工作表：走访记录')[2]).toBe('找到，18/18 列');
    expect(line('工作表：设置')[2]).toBe('找到，2/2 列');
    expect(line('登录邮箱')[2]).toBe('可见，人员表中是 张校长');
    expect(line('自动提醒')[2]).toBe('已启用（每天 8 点，Asia/Shanghai），启用人：您本人');
    expect(line('邮件配额')[2]).toBe('今天还可发 100 封');
    expect(line('重新计算用时')[2]).toMatch(/^\d+\.\d 秒$/);
    expect(line('重新计算用时')[3]).toMatch(/^重新校验了 0 行（\d+ 个错误，\d+ 条提醒），“进度”已刷新。$/);
    expect(line('测试邮件').slice(2)).toEqual([
      '已发送到您的邮箱',
      '请查收标题为““三大一实干”大走访：自检测试邮件”的邮件（也看看垃圾邮件）。收到即说明发信正常。',
    ]);

    // One test mail, to the person running it.
    expect(fakes().MailApp.sent).toHaveLength(1);
    expect(fakes().MailApp.sent[0]).toMatchObject({ to: ME, subject: '“三大一实干”大走访：自检测试邮件' });
    expect(fakes().MailApp.sent[0]!.body).toContain('2027-04-20 10:00 (Asia/Shanghai)');

    // The recompute ran: 进度 exists.
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toContain('进度');

    // The dialog shows the same lines.
    const dialog = ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('自检');
    expect(dialog.modal).toBe(true);
    const html = dialog.html.getContent();
    for (const [name, status] of rows.slice(1)) {
      expect(html).toContain(`<td>${name}</td>`);
      expect(html).toContain(status);
    }
    expect(html).toContain('结果已写入“自检”表（每行一项）。');
  });

  it('writes 自检 as a generated sheet: replaced on each run, protected with a warning only, coloured by result', () => {
    selfTest();
    selfTest();
    const sheet = fakes().spreadsheet.sheet('自检');
    expect(sheetRows()).toHaveLength(LINE_NAMES.length + 1);
    expect(sheet.protections.filter((p) => !p.removed)).toHaveLength(1);
    expect(sheet.protections.find((p) => !p.removed)?.warningOnly).toBe(true);
    expect(sheet.store.frozenRows).toBe(1);
    expect(sheet.store.peek(2, 2)?.background).toBe('#d9ead3');
    const mail = sheetRows().findIndex((r) => r[0] === '测试邮件');
    expect(sheet.store.peek(mail + 1, 2)?.background).toBe('#fff2cc');
  });

  it('runs the checks under the document lock and releases it', () => {
    const { calls, LockService } = fakes();
    calls.reset();
    selfTest();
    expect(calls.count('Lock.waitLock')).toBe(1);
    expect(calls.count('Lock.releaseLock')).toBe(1);
    expect(LockService.document.holder).toBeNull();
    // The question is asked before the lock is taken; the writes happen holding it.
    expect(calls.underLock()).toBeGreaterThan(0);
  });

  it('changes nothing, sends nothing and says so while another execution holds the lock', () => {
    fakes().LockService.document.holdByOther();
    selfTest('YES');
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).not.toContain('自检');
    expect(fakes().MailApp.sent).toHaveLength(0);
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe('其他人正在保存或计算，请稍后再试。');
    expect(fakes().ui.dialogs).toHaveLength(0);
  });

  it('shows no contact detail and not the signed-in email, and escapes every value in the dialog', () => {
    const settings = fakes().spreadsheet.sheet('设置');
    const at = settings.store.values().findIndex((r) => r[0] === '语言');
    settings.store.type(at + 1, 2, '<b>fr</b>');
    selfTest('YES');
    const sheetText = JSON.stringify(sheetRows());
    const html = dialogHtml();
    for (const text of [sheetText, html]) {
      expect(text).not.toContain('13800000001'); // a target's 联系方式
      expect(text).not.toContain('13900000001'); // a guardian's 联系方式
      expect(text).not.toContain('王爸爸');
      expect(text).not.toContain(ME);
    }
    expect(html).toContain('&lt;b&gt;fr&lt;/b&gt;');
    expect(html).not.toContain('<b>fr');
  });
});

describe('each line’s failing case', () => {
  it('表格时区: a spreadsheet zone other than 设置’s is a warning naming both (dates still read right)', () => {
    fakes().spreadsheet.timeZone = 'America/New_York';
    typeSchool();
    selfTest();
    const [, status, value, meaning] = line('表格时区');
    expect(status).toBe(WARNING);
    expect(value).toBe('America/New_York（表格此刻 2027-04-19 22:00）');
    expect(meaning).toContain('与“设置”的时区 Asia/Shanghai 不同');
    expect(meaning).toContain('文件 → 设置 → 时区 中选 Asia/Shanghai');
    expect(line('日期读写')[1]).toBe(OK);
  });

  it('脚本时区: a script zone other than 设置’s is a warning', () => {
    typeSchool();
    fakes().Session.scriptTimeZone = 'Etc/UTC';
    selfTest();
    const [, status, value, meaning] = line('脚本时区');
    expect([status, value]).toEqual([WARNING, 'Etc/UTC']);
    expect(meaning).toContain('与“设置”的时区 Asia/Shanghai 不同');
    expect(line('表格时区')[1]).toBe(OK);
  });

  it('日期读写: a date read back other than written fails (Sheets stores in one zone and reports another)', () => {
    typeSchool();
    // The simulated fault: cells are stored at Shanghai wall-clock times, the spreadsheet reports New York.
    jest.spyOn(fakes().spreadsheet, 'getSpreadsheetTimeZone').mockReturnValue('America/New_York');
    selfTest();
    const [, status, value, meaning] = line('日期读写');
    expect(status).toBe(FAIL);
    expect(value).toBe('写入 2027-04-20 / 2027-04-20 12:30，读回 2027-04-19 12:00 / 2027-04-20 00:30');
    expect(meaning).toContain('插件会把表格中的日期读错');
  });

  it('日期读写: a sheet that cannot be written fails with the message, and the other lines still run', () => {
    typeSchool();
    const insert = fakes().spreadsheet.insertSheet.bind(fakes().spreadsheet);
    let first = true;
    jest.spyOn(fakes().spreadsheet, 'insertSheet').mockImplementation((name?: string, index?: number) => {
      if (name === '自检' && first) {
        first = false;
        throw new Error('Service Spreadsheets failed while accessing document');
      }
      return insert(name, index);
    });
    selfTest();
    expect(line('日期读写').slice(1, 3)).toEqual([
      FAIL,
      '出错：Service Spreadsheets failed while accessing document',
    ]);
    expect(line('日期读写')[3]).toContain('无法在“自检”表中写入或读回日期');
    expect(sheetRows()).toHaveLength(LINE_NAMES.length + 1);
  });

  it('a 自检 sheet that cannot be made at all: the dialog still shows every line, and says why the sheet is missing', () => {
    typeSchool();
    const insert = fakes().spreadsheet.insertSheet.bind(fakes().spreadsheet);
    jest.spyOn(fakes().spreadsheet, 'insertSheet').mockImplementation((name?: string, index?: number) => {
      if (name === '自检') throw new Error('The sheet limit was reached');
      return insert(name, index);
    });
    expect(() => selfTest()).not.toThrow();
    const html = dialogHtml();
    expect(html).toContain('“自检”表未能写入：The sheet limit was reached');
    expect(html).toContain('出错：The sheet limit was reached');
    for (const name of LINE_NAMES) expect(html).toContain(`<td>${name}</td>`);
  });

  it('语言: a value other than zh / en is a warning, the workbook staying Chinese', () => {
    typeSchool();
    const settings = fakes().spreadsheet.sheet('设置');
    const at = settings.store.values().findIndex((r) => r[0] === '语言');
    settings.store.type(at + 1, 2, 'fr');
    selfTest();
    expect(line('语言').slice(1)).toEqual([
      WARNING,
      '无法识别“fr”，暂按中文（zh）',
      '“设置”的“语言”只能填 zh 或 en。请改正后重新打开表格。',
    ]);
  });

  describe.each(TABLE_KEYS)('工作表 %s', (table: TableKey) => {
    const name = sheetName(table, 'zh');

    it(
      TABLES[table].required
        ? 'missing: fails naming the sheet'
        : 'missing: is fine (an optional sheet), saying so',
      () => {
        typeSchool({ omit: [table] });
        selfTest();
        const [, status, value] = line(`工作表：${name}`);
        if (TABLES[table].required) {
          expect([status, value]).toEqual([FAIL, `缺少工作表“${name}”`]);
          expect(line(`工作表：${name}`)[3]).toContain('运行“初始化/修复工作簿”新建它');
        } else {
          expect([status, value]).toEqual([OK, '未建（可选）']);
        }
      },
    );

    const required = TABLES[table].columns.find((c) => c.required);
    const optional = TABLES[table].columns.find((c) => !c.required);

    it('a missing required column fails naming it', () => {
      const headers = defaultHeaders(table, 'zh');
      const index = TABLES[table].columns.indexOf(required!);
      const column = headers[index]!;
      typeSchool({ grids: { [table]: [headers.map((h, i) => (i === index ? '' : h))] } });
      selfTest();
      const [, status, value, meaning] = line(`工作表：${name}`);
      expect([status, value]).toEqual([FAIL, `缺少必需的列：${column}`]);
      expect(meaning).toContain(`请把列标题改回 ${column}`);
    });

    if (optional !== undefined) {
      it('a missing optional column is a warning naming it; unknown columns are counted', () => {
        const headers = defaultHeaders(table, 'zh');
        const index = TABLES[table].columns.indexOf(optional);
        const column = headers[index]!;
        typeSchool({ grids: { [table]: [[...headers.map((h, i) => (i === index ? '' : h)), '自定义']] } });
        selfTest();
        const [, status, value] = line(`工作表：${name}`);
        expect([status, value]).toEqual([
          WARNING,
          `找到，缺少可选列：${column}；另有 1 列插件不用（保留不动）`,
        ]);
      });
    }
  });

  it('登录邮箱: a hidden email is a warning saying the sidebar asks the person to pick their name once', () => {
    typeSchool();
    fakes().Session.activeEmail = '';
    selfTest();
    const [, status, value, meaning] = line('登录邮箱');
    expect([status, value]).toEqual([WARNING, '看不到（Google 没有提供）']);
    expect(meaning).toContain('侧栏会请您从名单中选择一次自己的姓名，之后在本账号下记住');
  });

  it('登录邮箱: an email no 人员 row has is a warning (the sidebar asks too)', () => {
    typeSchool();
    signInAs('newcomer@school.example');
    selfTest();
    const [, status, value, meaning] = line('登录邮箱');
    expect([status, value]).toEqual([WARNING, '可见，但“人员”表中没有这个邮箱']);
    expect(meaning).toContain('侧栏会请您从名单中选择一次自己的姓名');
  });

  it('自动提醒: none installed is a warning', () => {
    typeSchool();
    selfTest();
    expect(line('自动提醒').slice(1, 3)).toEqual([WARNING, '未启用']);
    expect(line('自动提醒')[3]).toContain('用菜单“启用自动提醒”');
  });

  it('自动提醒: a trigger owned by another person is a warning naming them', () => {
    typeSchool();
    signInAs('deputy@school.example');
    menuEnableReminders();
    signInAs(ME);
    selfTest();
    const [, status, value, meaning] = line('自动提醒');
    expect(status).toBe(WARNING);
    expect(value).toBe('已启用（每天 8 点，Asia/Shanghai），启用人：deputy@school.example');
    expect(meaning).toContain('以 deputy@school.example 的账号运行和发信');
  });

  it('自动提醒: another owner who is in 人员 is named by their staff name', () => {
    typeSchool();
    signInAs(ME);
    menuEnableReminders();
    signInAs('newcomer@school.example');
    selfTest();
    expect(line('自动提醒')[2]).toBe('已启用（每天 8 点，Asia/Shanghai），启用人：张校长');
  });

  it('自动提醒: a trigger at another hour than 设置’s 提醒时间 is a warning asking to enable it again', () => {
    typeSchool();
    menuEnableReminders();
    const settings = fakes().spreadsheet.sheet('设置');
    const at = settings.store.values().findIndex((r) => r[0] === '提醒时间');
    settings.store.type(at + 1, 2, '7');
    selfTest();
    const [, status, value, meaning] = line('自动提醒');
    expect([status, value]).toEqual([WARNING, '已启用（每天 8 点，Asia/Shanghai），启用人：您本人']);
    expect(meaning).toMatch(/^触发器的时间与“设置”的提醒时间（每天 7 点，Asia\/Shanghai）不同/);
  });

  it('邮件配额: none left fails; fewer than the staff with an email is a warning', () => {
    typeSchool();
    fakes().MailApp.remainingQuota = 0;
    selfTest();
    expect(line('邮件配额').slice(1)).toEqual([
      FAIL,
      '今天还可发 0 封',
      '今天不能再发邮件（配额在 24 小时内恢复）：今天的提醒和月报邮件会延后。',
    ]);
  });

  it('邮件配额: fewer mails left than staff with an email is a warning', () => {
    const staff = STAFF.map((r, i) => (r === null ? r : { ...r, email: `staff${i}@school.example` }));
    typeSheets(fakes().spreadsheet, school({ staff }));
    fakes().MailApp.remainingQuota = 2;
    selfTest();
    const [, status, value, meaning] = line('邮件配额');
    expect([status, value]).toEqual([WARNING, '今天还可发 2 封']);
    // 6 active staff have an email (孙老师 is not in post).
    expect(meaning).toBe('少于人员表中有邮箱的 6 人：提醒日可能发不完，没发出的会延后到下次运行。');
  });

  it('重新计算用时: a recompute that throws fails with its message; the other lines and 自检 are still written', () => {
    typeSchool();
    const insert = fakes().spreadsheet.insertSheet.bind(fakes().spreadsheet);
    jest.spyOn(fakes().spreadsheet, 'insertSheet').mockImplementation((name?: string, index?: number) => {
      if (name === '进度') throw new Error('Exceeded maximum execution time');
      return insert(name, index);
    });
    expect(() => selfTest()).not.toThrow();
    const [, status, value, meaning] = line('重新计算用时');
    expect([status, value]).toEqual([FAIL, '出错：Exceeded maximum execution time']);
    expect(meaning).toContain('“进度”没有更新');
    expect(sheetRows()).toHaveLength(LINE_NAMES.length + 1);
    expect(dialogHtml()).toContain('出错：Exceeded maximum execution time');
  });

  it('重新计算用时: a recompute close to the 6-minute limit is a warning', () => {
    typeSchool();
    const insert = fakes().spreadsheet.insertSheet.bind(fakes().spreadsheet);
    jest.spyOn(fakes().spreadsheet, 'insertSheet').mockImplementation((name?: string, index?: number) => {
      if (name === '进度') jest.advanceTimersByTime(200_000); // the clock moves as a slow recompute would
      return insert(name, index);
    });
    selfTest();
    const [, status, , meaning] = line('重新计算用时');
    expect(status).toBe(WARNING);
    expect(meaning).toContain('接近 Apps Script 单次运行 6 分钟的上限');
  });

  it('测试邮件: declined, nothing is sent and the line says so', () => {
    typeSchool();
    selfTest('NO');
    expect(fakes().MailApp.sent).toHaveLength(0);
    expect(line('测试邮件').slice(1)).toEqual([
      WARNING,
      '未发送（未要求）',
      '要检查发信，请再运行一次自检，在询问时选“是”。',
    ]);
    expect(fakes().calls.count('MailApp.sendEmail')).toBe(0);
  });

  it('测试邮件: a refused mail fails with MailApp’s message, never an exception', () => {
    typeSchool();
    fakes().MailApp.failures.push('Service invoked too many times for one day: email.');
    expect(() => selfTest('YES')).not.toThrow();
    expect(line('测试邮件').slice(1, 3)).toEqual([
      FAIL,
      '发送失败：Service invoked too many times for one day: email.',
    ]);
    expect(fakes().MailApp.sent).toHaveLength(0);
  });

  it('测试邮件: with quota 0 the mail fails too', () => {
    typeSchool();
    fakes().MailApp.remainingQuota = 0;
    selfTest('YES');
    expect(line('测试邮件')[1]).toBe(FAIL);
    expect(line('测试邮件')[2]).toMatch(/^发送失败：/);
  });

  it('测试邮件: with no address to send to, it fails without calling MailApp', () => {
    typeSchool();
    signInAs('');
    selfTest('YES');
    expect(line('测试邮件').slice(1, 3)).toEqual([FAIL, '未发送：看不到您的邮箱地址']);
    expect(fakes().calls.count('MailApp.sendEmail')).toBe(0);
  });
});

describe('menuSelfTest in an English workbook', () => {
  it('writes the Self-test sheet and the dialog in English', () => {
    fakes().spreadsheet.locale = 'en_US';
    typeSheets(fakes().spreadsheet, school({ lang: 'en' }));
    selfTest();
    expect(fakes().ui.alerts[0]?.title).toBe('Self-test');
    const rows = sheetRows('Self-test');
    expect(rows[0]).toEqual(['Check', 'Result', 'Found', 'What it means']);
    expect(rows.find((r) => r[0] === 'Sheet: Visits')?.slice(1, 3)).toEqual(['✓ OK', 'found, 18/18 columns']);
    expect(rows.find((r) => r[0] === 'Test mail')?.slice(1, 3)).toEqual([
      '⚠ Warning',
      'not sent (not asked)',
    ]);
    expect(rows.find((r) => r[0] === 'Signed-in email')?.[2]).toBe(
      'visible, but no Staff row has this email',
    );
    expect(fakes().ui.dialogs.at(-1)?.title).toBe('Self-test');
    for (const [name, status, value, meaning] of rows)
      expect(`${name}${status}${value}${meaning}`).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe('the built bundle', () => {
  it('declares menuSelfTest, puts it in the menu and runs it under V8-compatible code', () => {
    const root = join(__dirname, '..', '..');
    const codePath = join(root, 'dist', 'Code.js');
    if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `npm run build` first.');
    const bundled = createGasFakes();
    const context = vm.createContext({ console, Date, ...bundled.globals() });
    vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
    typeSheets(bundled.spreadsheet, school());
    (context.onOpen as (e: unknown) => void)({ authMode: 'LIMITED' });
    const items = bundled.ui.menus[0]?.items.map((i) =>
      'functionName' in i ? [i.caption, i.functionName] : [],
    );
    expect(items).toContainEqual(['自检', 'menuSelfTest']);
    bundled.ui.alertAnswers.push('NO');
    (context.menuSelfTest as () => void)();
    const sheet: FakeSheet = bundled.spreadsheet.sheet('自检');
    expect(sheet.store.values()).toHaveLength(LINE_NAMES.length + 1);
    expect(bundled.ui.dialogs.at(-1)?.title).toBe('自检');
  });
});
