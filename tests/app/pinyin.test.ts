// Pinyin initials for the sidebar's student search come from pinyin-pro, surnames read as surnames.
import { initialsOf } from '../../src/app/initials';
import { pinyinInitials } from '../../src/app/pinyin';

describe('pinyin initials of a student name', () => {
  it.each([
    ['王芳', 'wf'],
    ['欧阳明', 'oym'],
    ['曾志新', 'zzx'], // 曾 as a surname is zēng, not céng
    ['乐小燕', 'yxy'], // 乐 as a surname is yuè
    ['张 伟', 'zw'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(pinyinInitials, name)).toBe(initials);
  });
});
