// zod schemas of every record the engine works with, and of what the sidebar sends; types are inferred from them.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's unused parts from the sidebar bundle
import { isIsoDate, isIsoMonth, isValidTimeZone } from './dates';

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
export const IsoMonthSchema = z.string().refine(isIsoMonth, { message: 'YYYY-MM' });

export const MODES = ['inPerson', 'phone', 'atSchool', 'group', 'faceToFace'] as const;
export const HOME_VISIT_MODES = ['inPerson', 'phone', 'atSchool'] as const;
export const FOLLOW_UPS = ['report', 'study', 'resolved', 'none'] as const;
export const RECT_STATUSES = ['open', 'inProgress', 'done', 'rule'] as const;
/** 献计 › 采纳: empty means pending (待定). */
export const ADOPTIONS = ['pending', 'yes', 'no'] as const;
/** 讨论活动 › 形式: 研讨会, 报告会, 座谈会, 宣传专栏, 其他. */
export const DISCUSSION_FORMS = ['seminar', 'lecture', 'forum', 'column', 'other'] as const;
export type Adoption = (typeof ADOPTIONS)[number];
export type DiscussionForm = (typeof DISCUSSION_FORMS)[number];
export const ModeSchema = z.enum(MODES);
export const HomeVisitModeSchema = z.enum(HOME_VISIT_MODES);
export const FollowUpSchema = z.enum(FOLLOW_UPS);
export const RectStatusSchema = z.enum(RECT_STATUSES);
export type Mode = z.infer<typeof ModeSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type RectStatus = z.infer<typeof RectStatusSchema>;

/** A report recipient's address: what MailApp takes (zod's email rule, ASCII only). */
export const EmailSchema = z.string().email();

/** Setting dates outside these years are unreadable: a campaign runs within a school year of this century. */
export const SETTING_YEARS = { min: 2000, max: 2099 } as const;

export const SettingsSchema = z.object({
  schoolName: z.string(),
  campaignName: z.string(),
  timeZone: z.string().refine(isValidTimeZone, { message: 'IANA time zone, e.g. Asia/Shanghai' }),
  campaignStart: IsoDateSchema,
  semesterStart: IsoDateSchema,
  semesterEnd: IsoDateSchema,
  coverageMonths: z.number().int().min(1).max(12),
  exemptMonths: z.array(IsoMonthSchema),
  reminderDays: z.array(z.number().int().min(1).max(31)),
  reminderHour: z.number().int().min(0).max(23),
  reportRecipients: z.array(EmailSchema),
  language: z.enum(['zh', 'en']),
});
export type Settings = z.infer<typeof SettingsSchema>;

const row = z.number().int().min(2);

export const UnitSchema = z.object({
  row,
  name: z.string().min(1),
  groups: z.array(z.string().min(1)),
  minimum: z.number().int().positive(),
  coverageMonths: z.number().int().positive(),
  purpose: z.string(),
  /** 负责人: who receives the unit's digest ('' when the sheet leaves it to the 校长/主任 rule). */
  head: z.string(),
  /** True for the unit whose group is 学生家庭: counted on home visits, covered by classes. */
  homeVisits: z.boolean(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const StaffSchema = z.object({
  row,
  name: z.string().min(1),
  email: z.string(),
  units: z.array(z.string()),
  role: z.string(),
  className: z.string(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof StaffSchema>;

/** A person a leader visits. Contact details are deliberately not read. */
export const TargetSchema = z.object({
  row,
  name: z.string().min(1),
  group: z.string(),
  /** 分管人: the unit members who look after this person (may be empty). */
  assignedTo: z.array(z.string()),
  note: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;

/** A student. Guardian and contact details are deliberately not read. */
export const StudentSchema = z.object({
  row,
  studentId: z.string(),
  name: z.string().min(1),
  className: z.string().min(1),
  /** 学期 as typed: '' means the student belongs to every semester. */
  semester: z.string(),
  needsSupport: z.boolean(),
});
export type Student = z.infer<typeof StudentSchema>;

export const VisitSchema = z.object({
  row,
  id: z.string(),
  date: IsoDateSchema.nullable(),
  visitor: z.string(),
  coVisitors: z.array(z.string()),
  targets: z.array(z.string()),
  mode: ModeSchema.nullable(),
  purpose: z.string(),
  record: z.string(),
  suggestions: z.string(),
  followUp: FollowUpSchema.nullable(),
  followUpOwner: z.string(),
  followUpResult: z.string(),
  /** 办结日期: a follow-up is closed once this is filled (null when empty or unreadable). */
  closedOn: IsoDateSchema.nullable(),
  /** 整改编号: the R-n this record was turned into ('' for none). */
  rectificationId: z.string(),
  /** 照片: links, one per line. Never shown in a report. */
  photos: z.string(),
  /** False when the row has an error and is not counted. */
  valid: z.boolean(),
  /** Staff credited (visitor and known co-visitors), as name keys. */
  credited: z.array(z.string()),
  /** Known targets named on the row, as name keys. */
  counted: z.array(z.string()),
});
export type Visit = z.infer<typeof VisitSchema>;

export const HomeVisitSchema = z.object({
  row,
  id: z.string(),
  date: IsoDateSchema.nullable(),
  className: z.string(),
  students: z.array(z.string()),
  teacher: z.string(),
  coTeachers: z.array(z.string()),
  mode: HomeVisitModeSchema.nullable(),
  family: z.string(),
  parentNeeds: z.string(),
  supportNeeded: z.string(),
  record: z.string(),
  followUp: FollowUpSchema.nullable(),
  followUpOwner: z.string(),
  followUpResult: z.string(),
  closedOn: IsoDateSchema.nullable(),
  rectificationId: z.string(),
  valid: z.boolean(),
  credited: z.array(z.string()),
  /** Students found, as their keys in the students roster (student ID, or class + name key). */
  counted: z.array(z.string()),
});
export type HomeVisit = z.infer<typeof HomeVisitSchema>;

export const RectificationSchema = z.object({
  row,
  id: z.string(),
  /** 登记日期, filled by the add-on when it appends the item. */
  openedOn: IsoDateSchema.nullable(),
  source: z.string(),
  problem: z.string(),
  rootCause: z.string(),
  measures: z.string(),
  owner: z.string(),
  deadline: IsoDateSchema.nullable(),
  status: RectStatusSchema.nullable(),
  /** 完成日期, filled when the status becomes 已完成 or 已建章立制. */
  doneOn: IsoDateSchema.nullable(),
  lastingRule: z.string(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

export const SuggestionSchema = z.object({
  row,
  id: z.string(),
  date: IsoDateSchema.nullable(),
  author: z.string(),
  title: z.string(),
  text: z.string(),
  category: z.string(),
  /** 采纳 as typed. */
  adopted: z.string(),
  /** 采纳 read: empty is pending; null when it is none of the values. */
  adoption: z.enum(ADOPTIONS).nullable(),
  rectificationId: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const DiscussionSchema = z.object({
  row,
  id: z.string(),
  date: IsoDateSchema.nullable(),
  form: z.enum(DISCUSSION_FORMS).nullable(),
  topic: z.string(),
  organiser: z.string(),
  /** 参加人数; null when empty or unreadable. */
  attendance: z.number().int().nonnegative().nullable(),
  record: z.string(),
});
export type Discussion = z.infer<typeof DiscussionSchema>;

/** A semester: from a 学期 row, or (row 0) from 设置's two semester dates when the workbook lists none. */
export const SemesterSchema = z.object({
  row: z.number().int().nonnegative(),
  name: z.string().min(1),
  start: IsoDateSchema,
  end: IsoDateSchema,
});
export type Semester = z.infer<typeof SemesterSchema>;

const text = (max: number) => z.string().trim().max(max);

/** What the sidebar sends to log a leader visit: JSON only, dates as ISO strings. */
export const VisitInputSchema = z.object({
  kind: z.literal('visit'),
  date: IsoDateSchema,
  visitor: text(50).min(1),
  coVisitors: z.array(text(50).min(1)).max(10),
  targets: z.array(text(50).min(1)).min(1).max(50),
  mode: ModeSchema,
  purpose: text(500),
  record: text(5000).min(1),
  suggestions: text(5000),
  followUp: FollowUpSchema.nullable(),
  followUpOwner: text(50),
  /** 照片: links, one per line (optional; the form warns on a line that is not an http(s) link). */
  photos: text(5000).optional(),
});
export type VisitInput = z.infer<typeof VisitInputSchema>;

/** What the sidebar sends to log a home visit. */
export const HomeVisitInputSchema = z.object({
  kind: z.literal('homeVisit'),
  date: IsoDateSchema,
  teacher: text(50).min(1),
  className: text(50).min(1),
  students: z.array(text(50).min(1)).min(1).max(50),
  coTeachers: z.array(text(50).min(1)).max(10),
  mode: HomeVisitModeSchema,
  family: text(5000),
  parentNeeds: text(5000),
  supportNeeded: text(5000),
  record: text(5000).min(1),
  followUp: FollowUpSchema.nullable(),
  /** 跟进人 (optional; empty: the head of the teacher's unit, else the teacher). */
  followUpOwner: text(50).optional(),
});
export type HomeVisitInput = z.infer<typeof HomeVisitInputSchema>;

export const RecordInputSchema = z.discriminatedUnion('kind', [VisitInputSchema, HomeVisitInputSchema]);
export type RecordInput = z.infer<typeof RecordInputSchema>;
