// The ledger's references across sheets (issue 10): 来源 and 整改编号 name records that exist, 跟进人 and 责任人 are staff.
import { loadCampaign, problemsOf } from '../../src/core/engine';
import { homeVisit, school, visit, type WorkbookSpec } from './helpers';

const TODAY = '2027-04-20';

/** The problems of the new codes only, as `validate --json` gives them, in a compact form. */
function referenceProblems(spec: WorkbookSpec): string[] {
  const codes = ['SOURCE_UNKNOWN', 'SOURCE_LATER', 'RECTIFICATION_UNKNOWN', 'OWNER_UNKNOWN'];
  return problemsOf(loadCampaign(school(spec), TODAY))
    .filter((p) => codes.includes(p.code))
    .map((p) => `${p.sheet}!${p.row} ${p.column} ${p.severity} ${p.code}: ${p.message}`);
}

const V1 = visit('2027-04-05', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报' });
const V2 = visit('2027-04-12', '张校长', '刘洋', { id: 'V-2' });
const H1 = homeVisit('2027-04-06', '赵老师', '一(1)班', '李明', { id: 'H-1' });
const S1 = { id: 'S-1', date: '2027-04-02', text: '多开放图书馆' };

describe('来源 of a rectification item', () => {
  it('names an existing visit, home visit or suggestion, whatever the case and spacing: no warning', () => {
    const spec: WorkbookSpec = {
      visits: [V1],
      homeVisits: [H1],
      suggestions: [S1],
      rectification: [
        { id: 'R-1', source: 'v-1', problem: '食堂排队', status: '待整改', openedOn: '2027-04-06' },
        { id: 'R-2', source: 'H - 1', problem: '作业太多', status: '整改中', openedOn: '2027-04-07' },
        { id: 'R-3', source: 'Ｓ-1', problem: '图书馆', status: '已完成', openedOn: '2027-04-03' },
      ],
    };
    expect(referenceProblems(spec)).toEqual([]);
  });

  it('naming no record is a warning naming it; the item still counts', () => {
    const spec: WorkbookSpec = {
      visits: [V1],
      rectification: [{ id: 'R-1', source: 'H-999', problem: '食堂排队', status: '待整改' }],
    };
    expect(referenceProblems(spec)).toEqual([
      '问题整改!2 来源 warning SOURCE_UNKNOWN: 来源“H-999”不是任何一条记录的编号',
    ]);
    expect(loadCampaign(school(spec), TODAY).rectification.map((r) => r.id)).toEqual(['R-1']);
  });

  it('dated after the item’s 登记日期 is a warning (the issue’s R-2); without 登记日期 its 期限 is the day', () => {
    const spec: WorkbookSpec = {
      visits: [V1, V2],
      rectification: [
        // V-2 is of 04-12: after R-1's 登记日期 04-10, though before its 期限.
        {
          id: 'R-1',
          source: 'V-2',
          openedOn: '2027-04-10',
          deadline: '2027-05-01',
          status: '待整改',
          problem: 'a',
        },
        // No 登记日期: V-2 is after the 期限 04-11.
        { id: 'R-2', source: 'V-2', deadline: '2027-04-11', status: '整改中', problem: 'b' },
        // Same day: fine.
        { id: 'R-3', source: 'V-2', openedOn: '2027-04-12', status: '待整改', problem: 'c' },
        // Neither date: nothing to compare.
        { id: 'R-4', source: 'V-2', status: '待整改', problem: 'd' },
      ],
    };
    expect(referenceProblems(spec)).toEqual([
      '问题整改!2 来源 warning SOURCE_LATER: 来源“V-2”的日期 2027-04-12 晚于本条的登记日期 2027-04-10，请核对来源',
      '问题整改!3 来源 warning SOURCE_LATER: 来源“V-2”的日期 2027-04-12 晚于本条的期限 2027-04-11，请核对来源',
    ]);
  });

  it('is not judged against a sheet the workbook lacks (S-3 without 献计)', () => {
    const spec: WorkbookSpec = {
      omit: ['suggestions'],
      rectification: [{ id: 'R-1', source: 'S-3', problem: '食堂排队', status: '待整改' }],
    };
    expect(referenceProblems(spec)).toEqual([]);
  });
});

describe('整改编号 on a record', () => {
  it('naming no 问题整改 row is a warning on the visit, home visit or suggestion', () => {
    const spec: WorkbookSpec = {
      visits: [
        { ...V1, rectificationId: 'R-1' },
        { ...V2, rectificationId: 'R-9' },
      ],
      homeVisits: [{ ...H1, rectificationId: 'r-9' }],
      suggestions: [{ ...S1, rectificationId: 'R-10' }],
      rectification: [
        { id: 'R-1', source: 'V-1', problem: '食堂排队', status: '待整改', openedOn: '2027-04-05' },
      ],
    };
    expect(referenceProblems(spec)).toEqual([
      '走访记录!3 整改编号 warning RECTIFICATION_UNKNOWN: 整改编号“R-9”不是问题整改中任何一条的编号',
      '家访记录!2 整改编号 warning RECTIFICATION_UNKNOWN: 整改编号“r-9”不是问题整改中任何一条的编号',
      '献计!2 整改编号 warning RECTIFICATION_UNKNOWN: 整改编号“R-10”不是问题整改中任何一条的编号',
    ]);
  });

  it('is not judged in a workbook without 问题整改', () => {
    const spec: WorkbookSpec = { omit: ['rectification'], visits: [{ ...V1, rectificationId: 'R-1' }] };
    expect(referenceProblems(spec)).toEqual([]);
  });
});

describe('跟进人 and 责任人', () => {
  it('not on 人员 is a warning; an inactive staff member is on the roster', () => {
    const spec: WorkbookSpec = {
      visits: [
        { ...V1, followUpOwner: '王主任' },
        { ...V2, followUpOwner: '外校的刘老师' },
      ],
      homeVisits: [{ ...H1, followUpOwner: '孙老师' }],
      rectification: [
        { id: 'R-1', owner: '周 主任', problem: '食堂排队', status: '待整改' },
        { id: 'R-2', owner: '后勤老刘', problem: '作业太多', status: '待整改' },
      ],
    };
    expect(referenceProblems(spec)).toEqual([
      '走访记录!3 跟进人 warning OWNER_UNKNOWN: 跟进人“外校的刘老师”不在人员名单中',
      '问题整改!3 责任人 warning OWNER_UNKNOWN: 责任人“后勤老刘”不在人员名单中',
    ]);
  });

  it('speaks English in an English workbook', () => {
    const problems = problemsOf(
      loadCampaign(
        school({
          rectification: [{ id: 'R-1', source: 'H-999', owner: '后勤老刘', problem: 'x', status: '待整改' }],
        }).map((s) =>
          s.name === '设置' ? { ...s, grid: s.grid.map((r) => (r[0] === '语言' ? [r[0], 'en'] : r)) } : s,
        ),
        TODAY,
      ),
    ).filter((p) => p.code === 'SOURCE_UNKNOWN' || p.code === 'OWNER_UNKNOWN');
    expect(problems.map((p) => p.message)).toEqual([
      'Owner "后勤老刘" is not on the staff roster',
      'The source "H-999" is not the ID of any record',
    ]);
  });
});
