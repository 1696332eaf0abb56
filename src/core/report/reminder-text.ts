// The words of a reminder (§5): a person's one mail over all their units, a unit head's digest; plain text and HTML alike.
import { daysBetween, lastDay, monthOf, type IsoDate } from '../dates';
import type { FollowUpItem, OverdueItem } from '../follow-through';
import { format, texts, type Lang } from '../i18n/messages';
import type { Campaign, PersonLine } from '../model';
import { nameKey } from '../names';
import { followUpName, rectStatusName } from '../values';
import { escapeHtml } from './escape';
import { FOLLOW_UP_REMIND_AFTER, type DigestDue, type Due, type PersonDue } from './reminder-content';

/** Names of people not yet visited listed in one reminder (and classes in a digest). */
export const MISSING_LISTED = 10;
/** A follow-up's typed text is quoted up to this many characters. */
const QUOTED = 60;

export interface ReminderMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A part of a mail: a heading, lines, and a list of names shown ten at most. */
interface Block {
  heading?: string;
  lines: string[];
  list?: { title: string; names: string[] };
}

function separator(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}

/** The end of a list cut at ten: "…胡诺 等共 11 人" / "…Hu Nuo (11 in all)". */
function more(count: number, lang: Lang): string {
  return count > MISSING_LISTED ? ` ${format(texts(lang).remind.andMore, { count })}` : '';
}

/**
 * How a mail greets its reader: by 职务 when it names 校长 or 主任 (董欣艳校长, 李华副主任), else 老师; a title the
 * name already ends with is not said twice. English mails say "Dear <name>".
 */
export function greeting(campaign: Campaign, name: string): string {
  const lang = campaign.lang;
  const role = campaign.rosters.staffByKey.get(nameKey(name))?.role ?? '';
  const title = /副?校长|副?主任/.exec(role)?.[0] ?? texts(lang).fixOwner.teacher;
  return format(texts(lang).remind.greeting, { name, title: name.endsWith(title) ? '' : title });
}

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTED ? `${flat.slice(0, QUOTED)}…` : flat;
}

function followUpLines(items: readonly FollowUpItem[], lang: Lang): Block[] {
  if (items.length === 0) return [];
  const t = texts(lang).reminderMail;
  return [
    {
      heading: format(t.followUpsTitle, { days: FOLLOW_UP_REMIND_AFTER }),
      lines: items.map((f) =>
        format(t.followUpLine, {
          id: f.id || '—',
          date: f.date,
          age: f.age,
          kind: followUpName(f.followUp, lang),
          owner: f.owner,
          text: quoted(f.text),
        }),
      ),
    },
  ];
}

function overdueLines(items: readonly OverdueItem[], lang: Lang): Block[] {
  if (items.length === 0) return [];
  const t = texts(lang).reminderMail;
  return [
    {
      heading: t.overdueTitle,
      lines: items.map((o) =>
        format(t.overdueLine, {
          id: o.id || '—',
          owner: o.owner,
          deadline: o.deadline,
          days: o.daysOverdue,
          status: rectStatusName(o.status, lang),
          problem: quoted(o.problem),
        }),
      ),
    },
  ];
}

/** Overdue items nobody on the roster owns, each flagged (the leading unit's digest). */
function ownerlessLines(items: readonly OverdueItem[], lang: Lang): Block[] {
  if (items.length === 0) return [];
  const f = texts(lang).fixOwner;
  return [
    {
      heading: f.ownerlessTitle,
      lines: items.map((o) =>
        format(f.ownerlessLine, {
          id: o.id || '—',
          flag: o.owner.trim() === '' ? f.noOwner : format(f.ownerNotOnRoster, { owner: o.owner.trim() }),
          deadline: o.deadline,
          days: o.daysOverdue,
          status: rectStatusName(o.status, lang),
          problem: quoted(o.problem),
        }),
      ),
    },
  ];
}

function render(greeting: string, blocks: readonly Block[], lang: Lang): { text: string; html: string } {
  const t = texts(lang).remind;
  const esc = (s: string) => escapeHtml(s);
  const text: string[] = [greeting];
  const html: string[] = [`<p>${esc(greeting)}</p>`];
  for (const block of blocks) {
    text.push('');
    if (block.heading !== undefined) {
      text.push(block.heading);
      html.push(`<p><b>${esc(block.heading)}</b></p>`);
    }
    for (const line of block.lines) {
      text.push(line);
      html.push(`<p>${esc(line)}</p>`);
    }
    if (block.list === undefined) continue;
    const { title, names } = block.list;
    text.push(`${title}${names.slice(0, MISSING_LISTED).join(separator(lang))}${more(names.length, lang)}`);
    html.push(
      `<p>${esc(title)}</p><ul>${names
        .slice(0, MISSING_LISTED)
        .map((n) => `<li>${esc(n)}</li>`)
        .join('')}</ul>` +
        (names.length > MISSING_LISTED ? `<p>${esc(format(t.andMore, { count: names.length }))}</p>` : ''),
    );
  }
  text.push('', t.footer);
  return {
    text: text.join('\n'),
    html:
      `<div style="font-family:sans-serif;font-size:14px;line-height:1.6">${html.join('')}` +
      `<p style="color:#777;font-size:12px">${esc(t.footer)}</p></div>`,
  };
}

function personMail(campaign: Campaign, due: PersonDue, today: IsoDate): Omit<ReminderMail, 'to'> {
  const lang = campaign.lang;
  const t = texts(lang).remind;
  const m = texts(lang).reminderMail;
  const month = monthOf(today);
  const daysLeft = daysBetween(today, lastDay(month)) + 1;
  const blocks: Block[] = due.quota.map(({ line, homeVisits, missing }) => {
    const params = { ...line, month, today, daysLeft };
    return {
      heading: format(m.quotaTitle, { unit: line.unit }),
      lines: [format(t.progress, params), ...(missing.length === 0 ? [t.noneMissing] : [])],
      ...(missing.length === 0
        ? {}
        : { list: { title: homeVisits ? t.missingHomeTitle : t.missingTitle, names: missing } }),
    };
  });
  blocks.push(...followUpLines(due.followUps, lang), ...overdueLines(due.overdue, lang));
  const parts = [
    ...due.quota.map(({ line }) => format(m.partQuota, { ...line })),
    ...(due.followUps.length > 0 ? [format(m.partFollowUps, { count: due.followUps.length })] : []),
    ...(due.overdue.length > 0 ? [format(m.partOverdue, { count: due.overdue.length })] : []),
  ];
  return {
    subject: format(m.personSubject, { month, parts: parts.join(m.partSeparator) }),
    ...render(greeting(campaign, due.name), blocks, lang),
  };
}

function figures(lines: readonly PersonLine[], lang: Lang): string {
  const m = texts(lang).reminderMail;
  return lines.map((l) => format(m.personFigure, { ...l })).join(separator(lang));
}

function digestMail(campaign: Campaign, due: DigestDue, today: IsoDate): Omit<ReminderMail, 'to'> {
  const lang = campaign.lang;
  const m = texts(lang).reminderMail;
  const month = monthOf(today);
  const unit = due.unit.name;
  const blocks: Block[] = [
    { lines: [format(m.digestIntro, { unit, today, month, minimum: due.unit.minimum })] },
    due.behind.length === 0
      ? { lines: [m.noneBehind] }
      : { heading: m.behindTitle, lines: [figures(due.behind, lang)] },
  ];
  if (due.notYetMet.length > 0)
    blocks.push({ heading: m.notYetMetTitle, lines: [figures(due.notYetMet, lang)] });
  if (due.coverage !== null) {
    const c = due.coverage;
    blocks.push({
      heading: m.coverageTitle,
      lines: [
        format(m.coverageLine, { start: c.cycleStart, end: c.cycleEnd, visited: c.visited, total: c.total }),
      ],
      ...(c.missing.length === 0 ? {} : { list: { title: m.coverageMissing, names: c.missing } }),
    });
  }
  if (due.classes.length > 0) {
    const shown = due.classes.slice(0, MISSING_LISTED).map((c) => format(m.classLine, { ...c }));
    const rest =
      due.classes.length > MISSING_LISTED ? [format(m.classesMore, { count: due.classes.length })] : [];
    blocks.push({ heading: m.classesTitle, lines: [...shown, ...rest] });
  }
  blocks.push(
    ...followUpLines(due.followUps, lang),
    ...overdueLines(due.overdue, lang),
    ...ownerlessLines(due.ownerless, lang),
  );
  return {
    subject: format(m.digestSubject, { unit, month }),
    ...render(greeting(campaign, due.name), blocks, lang),
  };
}

/** The mail of one due message, to `to` (the staff member's 邮箱). Contact details are never read, so never shown. */
export function reminderMail(campaign: Campaign, due: Due, to: string, today: IsoDate): ReminderMail {
  const mail = due.kind === 'person' ? personMail(campaign, due, today) : digestMail(campaign, due, today);
  return { to, ...mail };
}
