// The default scheme the product ships: 山西省 2021 县级 “履行教育职责评价”, answering 晋政教督〔2021〕1号.
// The notice itself is not public; items, sub-points and targets follow what the 闻喜县 2021 report shows
// (see shared/domain/criteria-shanxi-2021.md). The 普惠性幼儿园覆盖率 target (≥ 80%) is the national county
// 普及普惠 standard, because the report states the rate but no target.
import { defineScheme } from "@/lib/template/validate-scheme";
import { criteria01to04 } from "@/lib/template/schemes/shanxi-2021/criteria-01-04";
import { criteria05to08 } from "@/lib/template/schemes/shanxi-2021/criteria-05-08";
import { criteria09to12 } from "@/lib/template/schemes/shanxi-2021/criteria-09-12";
import { profilePart } from "@/lib/template/schemes/shanxi-2021/profile";

export const SHANXI_2021_COUNTY = defineScheme({
  code: "shanxi-2021-county",
  title: "2021年对县级政府履行教育职责的评价方案",
  province: "山西省",
  level: "county",
  year: 2021,
  // Version 2: the finance criterion's growth rates may be entered as stated by the finance bureau (issue 14).
  version: 2,
  notice: {
    title: "山西省人民政府教育督导委员会关于印发《2021年对市县级政府履行教育职责的评价方案》的通知",
    docNumber: "晋政教督〔2021〕1号",
  },
  detailTitle: "2021年对市县级政府履行教育职责评价细则",
  // 市级初审，省级复核.
  review: { levels: ["city", "province"] },
  numbering: "flat",
  parts: [
    profilePart,
    {
      key: "self_check",
      kind: "criteria",
      title: "自查情况和工作成效",
      guidance: "对照评价细则的 12 项评价重点逐项写，先写做法，再用数据说明成效；数字尽量引用系统中的填报数和计算结果。",
    },
    {
      key: "problems",
      kind: "problems",
      title: "存在问题和改进措施",
      guidance: "每个问题单列一条，后接“改进措施：”，措施要具体到做法、责任和时限。未达标的指标必须在这里列为问题。",
    },
    {
      key: "next_steps",
      kind: "nextSteps",
      title: "下一步工作打算",
      guidance: "先用一段话说明总体思路，再分条写明下一年的重点工作。",
    },
  ],
  criteria: [...criteria01to04, ...criteria05to08, ...criteria09to12],
});
