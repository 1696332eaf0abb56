// The texts the sidebar shows, in one language: its own section plus the labels of modes and follow-ups.
import { texts, type Lang } from '../core/i18n/messages';
import { DISCUSSION_FORMS, FOLLOW_UPS, HOME_VISIT_MODES, MODES } from '../core/schemas';
import type { SidebarTexts } from '../contract/sidebar-payload';

/** The student list's words while another class is fetched (kept here until they join core's messages). */
const CLASS_STUDENTS: Record<Lang, SidebarTexts['classStudents']> = {
  zh: { loading: '正在加载该班学生名单…', failed: '学生名单加载失败：{message}', retry: '重试' },
  en: {
    loading: 'Loading the class list…',
    failed: 'Could not load the class list: {message}',
    retry: 'Retry',
  },
};

export function sidebarTexts(lang: Lang): SidebarTexts {
  const t = texts(lang);
  return {
    sidebar: t.sidebar,
    ux: t.sidebarUx,
    classStudents: CLASS_STUDENTS[lang],
    modes: MODES.map((value) => ({ value, label: t.values.modes[value] })),
    homeVisitModes: HOME_VISIT_MODES.map((value) => ({ value, label: t.values.modes[value] })),
    followUps: FOLLOW_UPS.map((value) => ({ value, label: t.values.followUps[value] })),
    todo: t.todo,
    discussionForms: DISCUSSION_FORMS.map((value) => ({ value, label: t.values.discussionForms[value] })),
  };
}
