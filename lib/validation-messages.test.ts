// zod's built-in messages as a person reads them: no English type names, no "undefined", no internals.
import { describe, expect, it } from "vitest";
import { z } from "@/lib/validation";

const messageOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues[0].message;
};

describe("zod messages in plain Chinese", () => {
  it("says what was expected and what was found, in words", () => {
    expect(messageOf(z.object({ a: z.number() }), { a: "x" })).toBe("应为数字，现为文字");
    expect(messageOf(z.object({ a: z.array(z.string()) }), {})).toBe("缺少此项（应为列表（[…]））");
    expect(messageOf(z.number().int(), 1.5)).toBe("应为整数，不能有小数");
    expect(messageOf(z.object({}), "s")).toBe("应为对象（{…}），现为文字");
  });

  it("bounds, enums, formats and unknown keys", () => {
    expect(messageOf(z.number().min(1), 0)).toBe("不能小于 1");
    expect(messageOf(z.string().min(1), "")).toBe("不能为空");
    expect(messageOf(z.array(z.number()).max(2), [1, 2, 3])).toBe("最多 2 项");
    expect(messageOf(z.enum(["met", "unmet"]), "x")).toBe("只能是 “met” 或 “unmet”");
    expect(messageOf(z.string().email(), "x")).toBe("应为有效的电子邮件地址");
    expect(messageOf(z.strictObject({}), { k: 1 })).toBe("未知的键「k」");
  });

  it("never prints English type names or undefined for the common mistakes", () => {
    const schema = z.object({ n: z.number(), s: z.string(), b: z.boolean(), l: z.array(z.number()) });
    for (const input of [{}, { n: "1", s: 1, b: "yes", l: {} }, null, [], 5]) {
      for (const issue of schema.safeParse(input).error?.issues ?? []) {
        expect(issue.message).not.toMatch(/undefined|object|string|number|boolean|array|期望|实际接收/);
      }
    }
  });

  it("a schema's own message wins", () => {
    expect(messageOf(z.string().min(5, "请写明理由"), "")).toBe("请写明理由");
  });
});
