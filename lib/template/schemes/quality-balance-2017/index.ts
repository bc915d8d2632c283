// 县域义务教育优质均衡发展督导评估 自评 (教督〔2017〕6号): a national scheme a county answers when it applies for the
// 优质均衡 recognition. Parts follow the 办法: 资源配置 (per-school table + 差异系数), 政府保障程度 (15), 教育质量 (9),
// 社会认可度, then the 一票否决 items. Facts and sources: shared/domain/reference.md §2; decision 011.
import { defineScheme } from "@/lib/template/validate-scheme";
import { governmentCriterion } from "@/lib/template/schemes/quality-balance-2017/government";
import { qualityCriterion, recognitionCriterion } from "@/lib/template/schemes/quality-balance-2017/quality";
import { resourceTable } from "@/lib/template/schemes/quality-balance-2017/resource-table";

export const QUALITY_BALANCE_2017_COUNTY = defineScheme({
  code: "national-2017-compulsory-quality-balance",
  title: "县域义务教育优质均衡发展督导评估自评",
  province: "全国",
  level: "county",
  year: 2017,
  // Version 2: school size and class size checked per school with ceilings (九年一贯制 2500 by school type).
  version: 2,
  notice: { title: "教育部关于印发《县域义务教育优质均衡发展督导评估办法》的通知", docNumber: "教督〔2017〕6号" },
  source: [
    { title: "县域义务教育优质均衡发展督导评估办法", issuer: "教育部", note: "教督〔2017〕6号；条文据公开转载与汇编（见 shared/domain/reference.md §2），学校规模与班额上限据该办法政府保障程度第4、5项" },
  ],
  report: { subject: "县域义务教育优质均衡发展督导评估", scope: "资源配置、政府保障程度、教育质量、社会认可度四个方面" },
  numbering: "flat",
  parts: [
    {
      key: "profile",
      kind: "profile",
      title: "基本情况",
      guidance: "简要介绍县情和义务教育概况：学校数（小学、初中、九年一贯制）、在校生数、专任教师数，基本均衡发展的认定时间。",
      inputs: [
        { key: "primary_schools", label: "小学", unit: "所", kind: "integer", min: 0 },
        { key: "junior_schools", label: "初中", unit: "所", kind: "integer", min: 0 },
        { key: "nine_year_schools", label: "九年一贯制学校", unit: "所", kind: "integer", min: 0 },
        { key: "primary_pupils", label: "小学在校生", unit: "人", kind: "integer", min: 0 },
        { key: "junior_pupils", label: "初中在校生", unit: "人", kind: "integer", min: 0 },
        { key: "basic_balance_year", label: "通过义务教育基本均衡发展国家认定的年份", unit: "年", kind: "integer", min: 2000, max: 2100 },
      ],
    },
    {
      key: "indicators",
      kind: "criteria",
      title: "评估指标达成情况",
      guidance: "按资源配置、政府保障程度、教育质量、社会认可度四个方面逐项说明达成情况，用系统计算的数据说话。",
    },
    {
      key: "veto",
      kind: "veto",
      title: "一票否决事项自查情况",
      guidance: "逐项如实回答。任何一项回答“是”，县域不能通过优质均衡发展督导评估认定。",
    },
    { key: "problems", kind: "problems", title: "存在问题和改进措施", guidance: "未达标的学校、差异系数和指标必须列为问题，写明整改措施、牵头单位和时限。" },
    { key: "next_steps", kind: "nextSteps", title: "下一步工作打算" },
  ],
  criteria: [
    {
      code: "resource_allocation",
      ordinal: 1,
      title: "资源配置",
      guidance:
        "先说明全县各校 7 项资源配置指标的达标情况（每所学校至少 6 项达到标准、其余项不低于标准的 85%），再说明小学、初中各项指标的校际差异系数（小学不高于 0.50，初中不高于 0.45）。数据以学校数据表为准。",
      subpoints: [
        { code: "school_standards", title: "学校资源配置达标情况" },
        { code: "school_differences", title: "校际差异系数情况" },
      ],
      table: "school_resources",
    },
    governmentCriterion,
    qualityCriterion,
    recognitionCriterion,
  ],
  tables: [resourceTable],
  vetoes: [
    { key: "exam_admission", question: "是否存在以考试方式招生的情况", source: "教督〔2017〕6号" },
    { key: "illegal_school_choice", question: "是否存在违规择校行为", source: "教督〔2017〕6号" },
    { key: "key_schools_classes", question: "是否存在重点学校或重点班", source: "教督〔2017〕6号" },
    { key: "unfilled_posts", question: "是否存在“有编不补”或长期聘用编外教师的情况", source: "教督〔2017〕6号" },
    { key: "major_accident", question: "教育系统是否发生重大安全责任事故或严重违纪违规事件", source: "教督〔2017〕6号" },
    { key: "falsification", question: "是否存在弄虚作假行为", source: "教督〔2017〕6号" },
  ],
});
