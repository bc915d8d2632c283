// A scored scheme built only from what public texts say (research: the best public scored source is partial):
//  - items, points per 评估要点 and the 计分方法 from 《2023年县级人民政府履行教育职责督导评估要点及计分办法》 as stored
//    on desk33.com — only the opening of A1 职责与治理 survives: C1 主体责任 (2 分) under B1 统筹管理 and C2 管理体制
//    (1 分) under B2 依法治教; the text names no issuing body and no 文号;
//  - the grades (优秀 ≥ 90, 良好 80–89, 合格 65–79, 不合格 < 65 on 百分制) and the three conditions that bar 优秀 from
//    宁夏《对县级人民政府履行教育职责评价办法（试行）》 (2019, as reported in the press).
// Nothing is invented: the groups' declared points (B1 3 分, B2 6 分) do not add up to the items that survive, so no
// subtotal is declared and the guidance says what is missing; the grades apply to the share of the 3 points.
import { defineScheme } from "@/lib/template/validate-scheme";

const SCORING_RULE = "满分及依次以0.1分递减计分";
const NINGXIA = "宁夏《对县级人民政府履行教育职责评价办法（试行）》（2019）";

export const COUNTY_DUTY_2023_SCORED = defineScheme({
  code: "county-duty-2023-scored-excerpt",
  title: "县级人民政府履行教育职责督导评估自评（2023年要点及计分办法节选）",
  province: "来源未载明",
  level: "county",
  year: 2023,
  version: 1,
  notice: { title: "2023年县级人民政府履行教育职责督导评估要点及计分办法", docNumber: "来源未载明文号" },
  source: [
    {
      title: "2023年县级人民政府履行教育职责督导评估要点及计分办法",
      url: "https://www.desk33.com/p-199270.html",
      issuer: "来源未载明发文机关（课桌文档网站的用户上传件）",
      note: "公开文本只存 A1 职责与治理（20分）的开头：B1 统筹管理（3分）下的 C1 主体责任（2分）与 B2 依法治教（6分）下的 C2 管理体制（1分），各含评估要点分值和计分方法；其余 B、C 项和 A2 及以后各项、总分、等次均缺失",
    },
    {
      title: "对县级人民政府履行教育职责评价办法（试行）",
      url: "https://m.news.shi-fen.com/china/201908/50-443826.html",
      issuer: "宁夏回族自治区人民政府办公厅（据新闻报道）",
      note: "评价实行百分制，优秀 90 分及以上，良好 80—89 分，合格 65—79 分，低于 65 分为不合格；当年度出现 D 级危房、近 2 年重大以上校园安全责任事故、近 2 年重大违法违纪案件且影响恶劣之一的，不得评定为优秀",
    },
  ],
  guidance:
    "本方案依据不完整的公开文本整理，只有两项评价内容（合计 3 分）。来源中 B1 统筹管理标 3 分、可见的 C 项仅 2 分，B2 依法治教标 6 分、可见的 C 项仅 1 分，其余评价内容原文缺失，未予补充。" +
    "等次采用宁夏办法的百分制划分，按得分率（自评得分 ÷ 3）折算。取得完整原文后，请由管理员上传新版本方案。",
  rounding: "displayed",
  numbering: "grouped",
  groups: [
    { code: "b1", title: "统筹管理", criteria: ["c1_main_responsibility"], guidance: "来源标 B1 统筹管理 3 分；可见的 C1 主体责任为 2 分，另 1 分的评价内容原文缺失。" },
    { code: "b2", title: "依法治教", criteria: ["c2_management"], guidance: "来源标 B2 依法治教 6 分；可见的 C2 管理体制为 1 分，其余 5 分的评价内容原文缺失。" },
  ],
  parts: [
    { key: "rectification", kind: "rectification", title: "上一轮评价发现问题整改落实情况", guidance: "宁夏办法：每一年的评价跨三个年度，包括上一轮评价发现问题的整改落实情况。" },
    { key: "performance", kind: "criteria", title: "职责与治理履职情况" },
    { key: "self_score", kind: "selfScore", title: "自评得分", guidance: "各项得分按“满分及依次以0.1分递减计分”，由系统汇总小计、总分和等次；扣分的项目须写明评分依据。" },
    { key: "caps", kind: "veto", title: "不得评定为优秀的情形", guidance: `${NINGXIA}规定，当年度行政区域内出现下列情形之一的，不得评定为“优秀”等次。逐项如实回答。` },
    { key: "problems", kind: "problems", title: "存在问题和改进措施" },
    { key: "next_steps", kind: "nextSteps", title: "下一步工作打算" },
  ],
  criteria: [
    {
      code: "c1_main_responsibility",
      ordinal: 1,
      title: "主体责任",
      maxScore: 2,
      guidance:
        `计分方法：${SCORING_RULE}。视县政府制定的政策文件、举措、成效情况评分，重点评估规划的科学性和落实情况，每年均须安排“两类项目”，其中为民办实事项目须按进度完成。` +
        "教育评价改革有相关文件和具体落实举措，工作有成效；对违背上级有关评价规定的行为有具体的处理措施。重点评估“协调机制”与形成工作合力情况。（责任单位一栏在来源中不清晰，疑为教育局。）",
      subpoints: [
        {
          code: "priority",
          title: "落实教育优先发展战略",
          maxScore: 1,
          guidance: "评估要点：贯彻执行党的教育方针和教育法律法规政策，落实教育优先发展战略，将教育项目纳入政府发展规划、年度为民办实事和基础设施重点建设项目，并按进度完成。（1分）",
        },
        {
          code: "evaluation_reform",
          title: "推进新时代教育评价改革",
          maxScore: 0.6,
          guidance: "评估要点：有序推进新时代教育评价改革，发展素质教育，措施具体，成效明显；督促纠正违规行为，严肃处理相关责任人员。（0.6分）",
        },
        {
          code: "coordination",
          title: "健全抓教育工作协同机制",
          maxScore: 0.4,
          guidance: "评估要点：明确相关部门（单位）教育职责，健全抓教育工作协同机制。（0.4分）",
        },
      ],
    },
    {
      code: "c2_management",
      ordinal: 2,
      title: "管理体制",
      maxScore: 1,
      guidance: `计分方法：按${SCORING_RULE}。重点评估县（含有关部门）教育工作“放、管、服”的措施与运行实绩。重点评估制定与实施学校章程、建立健全各种规章制度及规范实施情况。（责任单位：教育局）`,
      subpoints: [
        {
          code: "leadership_system",
          title: "完善党对教育工作全面领导的体制机制",
          maxScore: 0.5,
          guidance: "评估要点：完善党对教育工作全面领导的体制机制，全面推进教育“简政放权、放管结合、优化服务”改革。（0.5分）",
        },
        {
          code: "school_charters",
          title: "推动建立现代学校制度",
          maxScore: 0.5,
          guidance: "评估要点：推动建立现代学校制度，指导学校制定与实施学校章程，建立健全学校管理体制和各项规章制度。（0.5分）",
        },
      ],
    },
  ],
  scoring: {
    total: 3,
    step: 0.1,
    grades: [
      { key: "excellent", label: "优秀", minPercent: 90 },
      { key: "good", label: "良好", minPercent: 80 },
      { key: "qualified", label: "合格", minPercent: 65 },
      { key: "unqualified", label: "不合格" },
    ],
    basis: "whenDeducted",
  },
  vetoes: [
    { key: "dangerous_buildings", question: "当年度行政区域内是否存在教师、学生在D级危房内学习、工作和生活的情况", source: NINGXIA, effect: "capGrade", grade: "good" },
    { key: "major_accident", question: "近2年是否发生重大以上校园安全责任事故", source: NINGXIA, effect: "capGrade", grade: "good" },
    { key: "major_violation", question: "近2年是否出现重大违法违纪案件且影响恶劣", source: NINGXIA, effect: "capGrade", grade: "good" },
  ],
});
