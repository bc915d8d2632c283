// Test helper: the smallest valid scheme, with the figures under test placed in its single criterion. Lets each
// test state only what it is about.
import type { TCriterionInput, TSchemeInput } from "@/lib/template/schema";

type Figures = Pick<TCriterionInput, "inputs" | "indicators" | "checks" | "matrices" | "maxScore" | "scoreRule">;

export function testScheme(figures: Figures = {}, overrides: Partial<TSchemeInput> = {}): TSchemeInput {
  return {
    code: "test-county",
    title: "测试评价方案",
    province: "测试省",
    level: "county",
    year: 2024,
    version: 1,
    notice: { title: "关于开展履职评价的通知", docNumber: "测教督〔2024〕1号" },
    numbering: "flat",
    parts: [
      { key: "profile", kind: "profile", title: "基本情况", inputs: [] },
      { key: "self_check", kind: "criteria", title: "自查情况和工作成效" },
      { key: "problems", kind: "problems", title: "存在问题和改进措施" },
      { key: "next_steps", kind: "nextSteps", title: "下一步工作打算" },
    ],
    criteria: [{ code: "only", ordinal: 1, title: "测试评价重点", guidance: "按要求填写。", ...figures }],
    ...overrides,
  };
}
