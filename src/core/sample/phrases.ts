// The sample school's free text (records, needs, ledger items) in Chinese and English; data, not interface text.
import type { Lang } from '../i18n/messages';

export interface SamplePhrases {
  roles: {
    principal: string;
    vicePrincipal: string;
    director: string;
    deputy: string;
    head: string;
    teacher: string;
  };
  /** Record texts of leader visits, by unit index (0 校长室 … 4 服务中心). */
  visitRecords: string[][];
  visitSuggestions: string[];
  family: string[];
  parentNeeds: string[];
  supportNeeded: string[];
  homeRecords: string[];
  /** Notes of target rows, by target group index within the plan's order. */
  targetNotes: {
    notables: string[];
    logistics: string[];
    service: string[];
    parent: string;
    council: string;
  };
  /**
   * Ledger items with the source each is opened from: a leader visit of `from` (unit index) whose 情况记录 and
   * 意见建议 become `record` and `raised`, a home visit ('home': 情况记录 and 家长需求), or the suggestion on the
   * same topic ('suggestion': the one whose `item` is this item's index). `raised` contains `problem`.
   */
  rectification: {
    problem: string;
    rootCause: string;
    measures: string;
    lastingRule: string;
    from: number | 'home' | 'suggestion';
    record: string;
    raised: string;
  }[];
  /** `item`: the index of the ledger item on the same topic (such a suggestion is never turned down). */
  suggestions: { title: string; text: string; category: string; item?: number }[];
  /** 跟进结果 of a closed leader-visit follow-up (no word of parents: the targets are of every kind). */
  visitResults: string[];
  /** 跟进结果 of a closed home-visit follow-up. */
  homeResults: string[];
  /** 跟进结果 of a follow-up turned into a rectification item ({id}: R-n), as DOMAIN words it. */
  converted: string;
  /** Discussion activities: form (a key of the 形式 values), topic and record. */
  discussions: {
    form: 'seminar' | 'lecture' | 'forum' | 'column' | 'other';
    topic: string;
    record: string;
  }[];
}

const zhPhrases: SamplePhrases = {
  roles: {
    principal: '校长',
    vicePrincipal: '副校长',
    director: '主任',
    deputy: '副主任',
    head: '班主任',
    teacher: '教师',
  },
  visitRecords: [
    [
      '与家长交流学校三年发展规划，家长对课后服务总体满意。',
      '座谈学校办学特色，对方建议加强劳动教育与社区实践。',
      '听取对学校食堂和校车安排的意见，记录了三条具体建议。',
      '介绍“三大一实干”活动安排，对方愿意参与校园开放日。',
    ],
    [
      '了解大队委开展值周检查的情况，学生反映检查标准不够清楚。',
      '与班队委员谈班级自主管理，午间纪律有明显改善。',
      '交流红领巾志愿服务开展情况，学生希望增加校外服务岗位。',
      '了解学生行为习惯养成，课间文明游戏需要更多场地。',
    ],
    [
      '听取办公室教师对学校管理的建议，希望减少重复填表。',
      '交流年级组例会安排，教师建议会议提前发放议题。',
      '了解青年教师成长需求，希望增加师徒结对听课机会。',
    ],
    [
      '参加备课组集体备课，教师希望统一单元作业设计模板。',
      '交流课堂教学改革的想法，建议推广小组合作学习。',
      '听取对课程建设的意见，教师希望开设更多拓展课程。',
    ],
    [
      '与食堂人员交流，建议调整午餐出餐顺序以减少排队。',
      '了解保安值守情况，校门口早高峰需要增加疏导人员。',
      '与保洁人员交流工作安排，希望配备更好用的清洁工具。',
      '与校车司机交流接送路线，部分站点停靠时间偏紧。',
    ],
  ],
  visitSuggestions: [
    '建议定期公布整改进展。',
    '希望学校多组织家长开放日。',
    '建议优化放学接送秩序。',
    '希望增加体育活动时间。',
  ],
  family: [
    '父母均在本地工作，家庭学习环境较好。',
    '父母在外务工，由祖父母照顾，作业辅导有困难。',
    '单亲家庭，母亲工作繁忙，孩子放学后独自在家时间较长。',
    '家中有两个孩子，学习空间较小但家长重视教育。',
  ],
  parentNeeds: [
    '希望老师多反馈孩子在校表现。',
    '希望学校提供课后托管服务。',
    '希望加强孩子阅读习惯的培养。',
    '关注孩子的视力和体育锻炼。',
  ],
  supportNeeded: ['申请学业资助', '安排学习伙伴结对帮扶', '数学学科课后辅导', '心理关怀与定期谈心'],
  homeRecords: [
    '与家长沟通孩子近期学习情况，约定每周电话反馈一次。',
    '了解孩子在家作息，建议家长控制电子产品使用时间。',
    '向家长介绍学校课后服务安排，家长表示支持。',
    '孩子学习积极性有所提高，家长对老师的关心表示感谢。',
  ],
  targetNotes: {
    notables: ['退休教师', '社区党支部书记', '企业负责人', '街道文化站站长', '律师', '医生', '老校友'],
    logistics: ['食堂', '保安', '保洁', '宿管', '门卫', '维修'],
    service: ['校车司机', '配餐公司', '物业公司', '绿化养护'],
    parent: '{className}家长',
    council: '{className}',
  },
  rectification: [
    {
      problem: '放学时段校门口交通拥堵',
      rootCause: '接送车辆集中停靠，缺少疏导',
      measures: '错峰放学，增设家长志愿者岗',
      lastingRule: '放学错峰与护学岗制度',
      from: 4,
      record: '了解保安值守情况，放学时段校门口车辆集中，秩序较乱。',
      raised: '反映放学时段校门口交通拥堵，建议增加疏导人员。',
    },
    {
      problem: '午餐排队时间长',
      rootCause: '出餐窗口少，各班同时到达',
      measures: '分年级错时就餐，增开一个窗口',
      lastingRule: '分时就餐管理办法',
      from: 'suggestion',
      record: '',
      raised: '',
    },
    {
      problem: '教师重复填写各类表格',
      rootCause: '部门间数据不共享',
      measures: '统一信息登记平台，一表多用',
      lastingRule: '数据共享与报表审批制度',
      from: 'suggestion',
      record: '',
      raised: '',
    },
    {
      problem: '课间活动场地不足',
      rootCause: '操场改造期间场地受限',
      measures: '开放架空层和走廊开展文明游戏',
      lastingRule: '课间活动区域轮换制度',
      from: 1,
      record: '了解学生行为习惯养成，课间文明游戏开展情况。',
      raised: '学生反映课间活动场地不足，希望增加游戏区域。',
    },
    {
      problem: '部分学生作业量偏大',
      rootCause: '学科之间缺少统筹',
      measures: '年级组每周统筹作业总量',
      lastingRule: '作业公示与统筹制度',
      from: 'home',
      record: '与家长沟通孩子近期学习情况，孩子每晚作业时间较长。',
      raised: '家长反映部分学生作业量偏大，希望各科统筹。',
    },
    {
      problem: '校车部分站点停靠时间不足',
      rootCause: '路线规划未考虑早高峰',
      measures: '调整路线并提前五分钟发车',
      lastingRule: '校车路线季度评估制度',
      from: 4,
      record: '与校车司机交流接送路线，早高峰路段拥堵。',
      raised: '反映校车部分站点停靠时间不足，建议调整路线。',
    },
  ],
  suggestions: [
    { title: '开设家长课堂', text: '每月请一位家长进课堂分享职业经验。', category: '家校合作' },
    { title: '增加图书角藏书', text: '各班图书角每学期更新二十本新书。', category: '教学' },
    {
      title: '优化作业公示',
      text: '部分学生作业量偏大，建议每天在班级群公布各科作业时长。',
      category: '教学',
      item: 4,
    },
    {
      title: '设置护学岗',
      text: '放学时段校门口交通拥堵，建议由家长志愿者协助疏导。',
      category: '安全',
      item: 0,
    },
    { title: '食堂菜单公开', text: '每周公布菜单并征求学生意见。', category: '后勤' },
    {
      title: '教师减负',
      text: '教师重复填写各类表格，建议合并同类检查，减少迎检材料。',
      category: '管理',
      item: 2,
    },
    { title: '课后服务多样化', text: '增设编程、围棋、合唱等课后兴趣班。', category: '教学' },
    { title: '家访结对', text: '两位老师结对家访，互相补充记录。', category: '家校合作' },
    { title: '校园开放日', text: '每学期设一次家长开放日，走进课堂。', category: '家校合作' },
    { title: '错峰就餐', text: '午餐排队时间长，建议低年级提前十分钟就餐。', category: '后勤', item: 1 },
    { title: '意见箱数字化', text: '在家校群开设线上意见箱，每周回复。', category: '管理' },
    { title: '心理辅导室开放', text: '午间开放心理辅导室，安排老师值班。', category: '德育' },
  ],
  visitResults: [
    '已向分管校长汇报，已落实',
    '已协调相关部门处理完毕',
    '已安排专人跟进，情况好转',
    '已在行政会上研究，措施已执行',
    '已向对方反馈处理情况，对方表示满意',
  ],
  homeResults: [
    '已与家长再次沟通，问题已解决',
    '已向年级组汇报，已纳入工作计划',
    '已安排学习伙伴结对，情况好转',
    '已电话回访家长，孩子情况稳定',
  ],
  converted: '转整改 {id}',
  discussions: [
    {
      form: 'lecture',
      topic: '“三大一实干”活动动员大会',
      record: '校长作动员报告，解读活动方案与走访安排。',
    },
    { form: 'seminar', topic: '学校发展大家谈', record: '各部门分组研讨，汇总意见建议四十余条。' },
    { form: 'forum', topic: '家长代表座谈会', record: '家委会成员就课后服务、放学接送提出建议。' },
    { form: 'column', topic: '“金点子”宣传专栏', record: '展示师生家长献计，每周更新。' },
    { form: 'forum', topic: '青年教师座谈会', record: '青年教师交流成长需求与减负建议。' },
    { form: 'seminar', topic: '整改落实推进会', record: '通报整改台账进展，部署下一阶段工作。' },
  ],
};

const enPhrases: SamplePhrases = {
  roles: {
    principal: 'Principal',
    vicePrincipal: 'Vice principal',
    director: 'Director',
    deputy: 'Deputy director',
    head: 'Head teacher',
    teacher: 'Teacher',
  },
  visitRecords: [
    [
      "Talked through the school's three-year plan; the parent is satisfied with after-school care.",
      'Discussed what makes the school distinctive; suggests more practical and community work.',
      'Heard views on the canteen and the school bus; noted three concrete suggestions.',
      'Presented the campaign; willing to take part in the open day.',
    ],
    [
      'Asked how the council runs the weekly checks; the pupils find the criteria unclear.',
      'Talked about class self-management; the lunchtime order has improved.',
      'Discussed volunteer service; the pupils would like more posts outside school.',
      'Talked about daily habits; more space is needed for games at break.',
    ],
    [
      'Heard office teachers on school management; they want fewer duplicate forms.',
      'Discussed grade meetings; teachers ask for the agenda in advance.',
      'Asked young teachers what they need; they want more mentoring and observed lessons.',
    ],
    [
      'Joined a lesson-prep meeting; teachers want one template for unit homework.',
      'Discussed classroom reform; suggests wider use of group work.',
      'Heard views on the curriculum; teachers want more elective courses.',
    ],
    [
      'Talked with canteen staff; serving order could change to shorten queues.',
      'Asked the guards about their shifts; the gate needs more help at the morning peak.',
      'Talked with cleaners about their work; they need better equipment.',
      'Talked with a bus driver about routes; some stops are too short.',
    ],
  ],
  visitSuggestions: [
    'Publish the progress of rectification regularly.',
    'Hold more open days for parents.',
    'Improve order at pick-up time.',
    'More time for sport.',
  ],
  family: [
    'Both parents work locally; a good place to study at home.',
    'Parents work away; grandparents help with homework with difficulty.',
    'Single parent working long hours; the child is often alone after school.',
    'Two children share a small room; the parents value education.',
  ],
  parentNeeds: [
    'More feedback on how the child does at school.',
    'After-school care.',
    'Help building a reading habit.',
    "Attention to the child's eyesight and exercise.",
  ],
  supportNeeded: ['Study grant', 'Peer study partner', 'Extra maths help', 'Regular pastoral talks'],
  homeRecords: [
    'Discussed recent progress; agreed a weekly phone call.',
    'Talked about the daily routine; advised limiting screen time.',
    'Explained after-school care; the parents support it.',
    'The child is more motivated; the parents thanked the teacher.',
  ],
  targetNotes: {
    notables: [
      'Retired teacher',
      'Community leader',
      'Business owner',
      'Culture centre head',
      'Lawyer',
      'Doctor',
    ],
    logistics: ['Canteen', 'Security', 'Cleaning', 'Dormitory', 'Gate', 'Maintenance'],
    service: ['Bus driver', 'Catering company', 'Property company', 'Gardening'],
    parent: 'Parent, {className}',
    council: '{className}',
  },
  rectification: [
    {
      problem: 'Traffic jams at the gate after school',
      rootCause: 'Cars stop all at once with no one directing them',
      measures: 'Staggered dismissal and parent volunteers',
      lastingRule: 'Staggered dismissal and gate duty rule',
      from: 4,
      record: 'Asked the guards about their shifts; cars crowd the gate at dismissal.',
      raised: 'Traffic jams at the gate after school; more people needed to direct them.',
    },
    {
      problem: 'Long lunch queues',
      rootCause: 'Few serving points; all classes arrive together',
      measures: 'Lunch by grade in turns; one more serving point',
      lastingRule: 'Lunch timetable rule',
      from: 'suggestion',
      record: '',
      raised: '',
    },
    {
      problem: 'Teachers fill in the same forms repeatedly',
      rootCause: 'Departments do not share data',
      measures: 'One registration system, one form for many uses',
      lastingRule: 'Data sharing and form approval rule',
      from: 'suggestion',
      record: '',
      raised: '',
    },
    {
      problem: 'Not enough space for games at break',
      rootCause: 'The playground is being rebuilt',
      measures: 'Open the covered areas and corridors for quiet games',
      lastingRule: 'Rotation of break areas',
      from: 1,
      record: 'Talked about daily habits and games at break.',
      raised: 'Pupils say: Not enough space for games at break.',
    },
    {
      problem: 'Too much homework for some pupils',
      rootCause: 'Subjects do not coordinate',
      measures: 'Grade groups plan the weekly homework load together',
      lastingRule: 'Homework planning and publication rule',
      from: 'home',
      record: 'Discussed recent progress; homework takes the child long every evening.',
      raised: 'Too much homework for some pupils; subjects should coordinate.',
    },
    {
      problem: 'Some bus stops are too short',
      rootCause: 'Routes ignore the morning peak',
      measures: 'New route, departure five minutes earlier',
      lastingRule: 'Quarterly bus route review',
      from: 4,
      record: 'Talked with a bus driver about routes; the morning peak is slow.',
      raised: 'Some bus stops are too short; the route should change.',
    },
  ],
  suggestions: [
    {
      title: 'Parent lessons',
      text: 'Each month a parent talks to a class about their work.',
      category: 'Home and school',
    },
    {
      title: 'More books in class libraries',
      text: 'Twenty new books per class each semester.',
      category: 'Teaching',
    },
    {
      title: 'Publish homework',
      text: 'Too much homework for some pupils: post the expected time of each subject daily.',
      category: 'Teaching',
      item: 4,
    },
    {
      title: 'Gate duty',
      text: 'Traffic jams at the gate after school: parent volunteers could help.',
      category: 'Safety',
      item: 0,
    },
    {
      title: 'Open canteen menu',
      text: "Publish the weekly menu and ask for pupils' views.",
      category: 'Logistics',
    },
    {
      title: 'Less paperwork for teachers',
      text: 'Teachers fill in the same forms repeatedly: merge similar inspections.',
      category: 'Management',
      item: 2,
    },
    {
      title: 'More after-school clubs',
      text: 'Add coding, go and choir clubs after school.',
      category: 'Teaching',
    },
    {
      title: 'Home visits in pairs',
      text: 'Two teachers visit together and complete each other’s notes.',
      category: 'Home and school',
    },
    {
      title: 'Open day',
      text: 'One open day a semester when parents sit in on lessons.',
      category: 'Home and school',
    },
    {
      title: 'Staggered lunch',
      text: 'Long lunch queues: the lower grades could go ten minutes earlier.',
      category: 'Logistics',
      item: 1,
    },
    {
      title: 'Online suggestion box',
      text: 'An online box in the parents’ group, answered weekly.',
      category: 'Management',
    },
    {
      title: 'Counselling room at noon',
      text: 'Open the counselling room at lunchtime, with a teacher on duty.',
      category: 'Pastoral',
    },
  ],
  visitResults: [
    'Reported to the vice principal; done',
    'Passed to the department concerned; handled',
    'Followed up by a named colleague; improving',
    'Discussed at the leaders’ meeting; measures in place',
    'Told them what was done; they are satisfied',
  ],
  homeResults: [
    'Talked with the parents again; resolved',
    'Reported to the grade group; in its plan',
    'A study partner arranged; improving',
    'Called the parents back; the child is settled',
  ],
  converted: 'To rectification {id}',
  discussions: [
    {
      form: 'lecture',
      topic: 'Campaign launch meeting',
      record: 'The principal presented the plan and the visits.',
    },
    {
      form: 'seminar',
      topic: 'Talking about the school’s future',
      record: 'Departments discussed in groups; over forty ideas collected.',
    },
    {
      form: 'forum',
      topic: 'Meeting with parent representatives',
      record: 'The parents’ committee spoke about after-school care and pick-up.',
    },
    {
      form: 'column',
      topic: '“Bright ideas” notice board',
      record: 'Ideas of pupils, parents and staff, updated weekly.',
    },
    {
      form: 'forum',
      topic: 'Young teachers’ meeting',
      record: 'Young teachers talked about support and workload.',
    },
    {
      form: 'seminar',
      topic: 'Rectification progress meeting',
      record: 'Progress of the ledger reviewed; next steps agreed.',
    },
  ],
};

export function samplePhrases(lang: Lang): SamplePhrases {
  return lang === 'en' ? enPhrases : zhPhrases;
}
