// zod schemas of every record the engine works with, and of what the sidebar sends; types are inferred from them.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's unused parts from the sidebar bundle
import { isIsoDate, isIsoMonth, isValidTimeZone } from './dates';

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
export const IsoMonthSchema = z.string().refine(isIsoMonth, { message: 'YYYY-MM' });

export const MODES = ['inPerson', 'phone', 'atSchool', 'group', 'faceToFace'] as const;
export const HOME_VISIT_MODES = ['inPerson', 'phone', 'atSchool'] as const;
export const FOLLOW_UPS = ['report', 'study', 'resolved', 'none'] as const;
export const RECT_STATUSES = ['open', 'inProgress', 'done', 'rule'] as const;
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
export const TargetSchema = z.object({ row, name: z.string().min(1), group: z.string(), note: z.string() });
export type Target = z.infer<typeof TargetSchema>;

/** A student. Guardian and contact details are deliberately not read. */
export const StudentSchema = z.object({
  row,
  studentId: z.string(),
  name: z.string().min(1),
  className: z.string().min(1),
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
  valid: z.boolean(),
  credited: z.array(z.string()),
  /** Students found, as their keys in the students roster (student ID, or class + name key). */
  counted: z.array(z.string()),
});
export type HomeVisit = z.infer<typeof HomeVisitSchema>;

export const RectificationSchema = z.object({
  row,
  id: z.string(),
  source: z.string(),
  problem: z.string(),
  rootCause: z.string(),
  measures: z.string(),
  owner: z.string(),
  deadline: IsoDateSchema.nullable(),
  status: RectStatusSchema.nullable(),
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
  adopted: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

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
});
export type HomeVisitInput = z.infer<typeof HomeVisitInputSchema>;

export const RecordInputSchema = z.discriminatedUnion('kind', [VisitInputSchema, HomeVisitInputSchema]);
export type RecordInput = z.infer<typeof RecordInputSchema>;
