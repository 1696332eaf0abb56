// One person's progress (sidebar, reminders): this month's lines and who is left; and no contact details anywhere.
import { computeStatus, loadCampaign, personProgress } from '../../src/core/engine';
import { homeVisit, school, TARGETS, visit } from './helpers';

const TODAY = '2027-04-20';

const campaign = () =>
  loadCampaign(
    school({
      visits: [
        visit('2027-04-02', '张校长', '陈红、刘洋', { mode: '集中走访' }),
        visit('2027-04-03', '李副校长', '黄敏'),
      ],
      homeVisits: [
        homeVisit('2027-04-05', '赵老师', '一(1)班', '张伟', { mode: '上门', coTeachers: '张校长' }),
        homeVisit('2027-04-06', '钱老师', '一(2)班', '王芳'),
      ],
    }),
    TODAY,
  );

describe('a person’s progress', () => {
  it('gives this month’s line per unit and, per unit, who is not yet visited', () => {
    // Pace on 20 April: floor(5 × 20 / 30) = 3.
    expect(personProgress(campaign(), '张校长', TODAY)).toEqual({
      name: '张校长',
      month: '2027-04',
      lines: [
        { name: '张校长', unit: '校长室', count: 2, minimum: 5, status: 'behind' },
        { name: '张校长', unit: '全体教师', count: 1, minimum: 5, status: 'behind' },
      ],
      missing: [
        // The cycle's missing people, whoever in the unit visited the others (李副校长 saw 黄敏).
        { unit: '校长室', names: ['杨帆', '何静', '马丽', '林国栋', '郭志强'] },
        // The students of the person's class (一(1)班) not visited this semester; 王芳 of 一(2)班 is another child.
        { unit: '全体教师', names: ['王芳', '李明', '刘丽'] },
      ],
    });
  });

  it('finds the person whatever the spacing of the name', () => {
    const progress = personProgress(campaign(), '张\u3000校长', TODAY);
    expect(progress.name).toBe('张校长');
    expect(progress.lines).toHaveLength(2);
  });

  it('lists the people whose 分管人 names the person first (the sidebar and the reminder alike)', () => {
    const assigned: Record<string, string> = {
      郭志强: '张校长',
      马丽: '李副校长、张\u3000校长',
      杨帆: '李副校长',
    };
    const targets = TARGETS.map((t) => ({ ...t, assignedTo: assigned[String(t?.name)] ?? '' }));
    const c = loadCampaign(
      school({ targets, visits: [visit('2027-04-02', '张校长', '陈红、刘洋', { mode: '集中走访' })] }),
      TODAY,
    );
    expect(personProgress(c, '张校长', TODAY).missing[0]).toEqual({
      unit: '校长室',
      names: ['马丽', '郭志强', '黄敏', '杨帆', '何静', '林国栋'],
    });
    // 李副校长 sees their own two first.
    expect(personProgress(c, '李副校长', TODAY).missing[0]!.names.slice(0, 2)).toEqual(['杨帆', '马丽']);
  });

  it('has no lines for an inactive person', () => {
    expect(personProgress(campaign(), '孙老师', TODAY).lines).toEqual([]);
  });
});

describe('contact details', () => {
  it('appear nowhere in the campaign, its status or a person’s progress', () => {
    const c = campaign();
    const everything = JSON.stringify([
      c.targets,
      c.students,
      c.homeVisits,
      computeStatus(c, '2027-04', TODAY),
      personProgress(c, '赵老师', TODAY),
    ]);
    for (const secret of ['13800000001', '13900000001', '王爸爸']) expect(everything).not.toContain(secret);
    expect(everything).toContain('陈红');
  });
});
