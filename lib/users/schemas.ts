// Input schemas for accounts, shared by the admin forms (client validation) and the server actions.
import { z } from "@/lib/validation";
import { ROLE_KEYS } from "@/lib/auth/roles";
import { REGION_CODE_PATTERN } from "@/lib/regions/levels";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const USERNAME_PATTERN = /^[a-zA-Z0-9_.]+$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export const ZUsername = z
  .string({ error: "请输入用户名" })
  .trim()
  .min(USERNAME_MIN, `用户名至少 ${USERNAME_MIN} 个字符`)
  .max(USERNAME_MAX, `用户名最多 ${USERNAME_MAX} 个字符`)
  .regex(USERNAME_PATTERN, "用户名只能包含英文字母、数字、下划线和点");

export const ZNewPassword = z
  .string({ error: "请输入密码" })
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
  .max(PASSWORD_MAX, `密码最多 ${PASSWORD_MAX} 位`)
  .refine((p) => /[a-zA-Z]/.test(p) && /\d/.test(p), "密码须同时包含字母和数字");

export const ZDisplayName = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(1, "请输入姓名")
  .max(40, "姓名最多 40 个字符");

export const ZRegionCode = z
  .string({ error: "请选择所属行政区划" })
  .trim()
  .regex(REGION_CODE_PATTERN, "行政区划代码应为 6 位数字");

export const ZRole = z.enum(ROLE_KEYS, { error: "请选择角色" });

export const ZLogin = z.object({
  username: z.string({ error: "请输入用户名" }).trim().min(1, "请输入用户名").max(USERNAME_MAX, "用户名或密码错误"),
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(PASSWORD_MAX, "用户名或密码错误"),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZCreateUser = z.object({
  username: ZUsername,
  name: ZDisplayName,
  role: ZRole,
  regionCode: ZRegionCode,
  password: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  id: z.string().min(1).max(64),
  name: ZDisplayName,
  role: ZRole,
  regionCode: ZRegionCode,
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZSetUserDisabled = z.object({ id: z.string().min(1).max(64), disabled: z.boolean() });
export const ZResetPassword = z.object({ id: z.string().min(1).max(64), password: ZNewPassword });

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(PASSWORD_MAX),
    newPassword: ZNewPassword,
    confirmPassword: z.string().min(1, "请再次输入新密码"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "新密码不能与当前密码相同" });
export type TChangePassword = z.infer<typeof ZChangePassword>;
