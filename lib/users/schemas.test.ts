import { describe, expect, it } from "vitest";
import { ZChangePassword, ZCreateUser, ZLogin } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";

const valid = { username: "wenxi_clerk2", name: "王五", role: "county_editor", regionCode: "140823", password: "abc12345" };

function errorsOf(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return fieldErrorsOf(r.error as never);
}

describe("account input schemas", () => {
  it("accepts a well-formed new user", () => {
    expect(ZCreateUser.safeParse(valid).success).toBe(true);
  });

  it("rejects malformed payloads with Chinese messages per field", () => {
    const e = errorsOf(ZCreateUser, { ...valid, username: "张三丰", regionCode: "14", role: "root", password: "short" });
    expect(e.username[0]).toContain("用户名只能包含");
    expect(e.regionCode[0]).toContain("6 位数字");
    expect(e.role[0]).toContain("请选择角色");
    expect(e.password[0]).toContain("至少 8 位");
  });

  it("rejects overlong values instead of storing them", () => {
    const e = errorsOf(ZCreateUser, { ...valid, name: "长".repeat(5000), username: "a".repeat(100) });
    expect(e.name[0]).toContain("最多 40");
    expect(e.username[0]).toContain("最多 32");
  });

  it("rejects non-object and wrongly typed login payloads", () => {
    expect(ZLogin.safeParse(null).success).toBe(false);
    expect(ZLogin.safeParse("admin").success).toBe(false);
    const e = errorsOf(ZLogin, { username: 42, password: ["x"] });
    expect(Object.keys(e).sort()).toEqual(["password", "username"]);
    expect(e.username[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(ZLogin.safeParse({ username: "x".repeat(10_000), password: "p" }).success).toBe(false);
  });

  it("checks the new password twice and against the old one", () => {
    const e = errorsOf(ZChangePassword, { currentPassword: "abc12345", newPassword: "abc12345", confirmPassword: "abc12346" });
    expect(e.confirmPassword[0]).toBe("两次输入的新密码不一致");
    expect(e.newPassword[0]).toBe("新密码不能与当前密码相同");
  });
});
