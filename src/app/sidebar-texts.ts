// The texts the sidebar shows, in one language: its own section plus the labels of modes and follow-ups.
import { texts, type Lang } from '../core/i18n/messages';
import { FOLLOW_UPS, HOME_VISIT_MODES, MODES } from '../core/schemas';
import type { SidebarTexts } from '../contract/sidebar-payload';

export function sidebarTexts(lang: Lang): SidebarTexts {
  const t = texts(lang);
  return {
    sidebar: t.sidebar,
    modes: MODES.map((value) => ({ value, label: t.values.modes[value] })),
    homeVisitModes: HOME_VISIT_MODES.map((value) => ({ value, label: t.values.modes[value] })),
    followUps: FOLLOW_UPS.map((value) => ({ value, label: t.values.followUps[value] })),
  };
}
