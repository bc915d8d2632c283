import "server-only";
// Sign-in: validate, throttle, let better-auth verify the password and create the session, record the outcome.
import { APIError } from "better-auth/api";
import type { Db } from "@/lib/db/connect";
import type { Auth } from "@/lib/auth/server/auth";
import { assertNotThrottled, clearAccountFailures, recordFailure } from "@/lib/auth/server/throttle";
import { ROLES, isRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { TLogin } from "@/lib/users/schemas";

export type SignInResult = { startPage: string; setCookie: string[] };

export async function signIn(db: Db, auth: Auth, input: TLogin, ip: string, headers: Headers): Promise<SignInResult> {
  await assertNotThrottled(db, input.username, ip);
  const user = await db.user.findUnique({
    where: { username: input.username.toLowerCase() },
    select: { disabled: true, role: true },
  });
  try {
    if (user?.disabled) throw new AppError("FORBIDDEN", "该账号已停用，请联系系统管理员");
    const result = await auth.api.signInUsername({
      body: { username: input.username, password: input.password, rememberMe: false },
      headers,
      returnHeaders: true,
    });
    await clearAccountFailures(db, input.username);
    const role = user && isRole(user.role) ? user.role : null;
    return {
      startPage: role ? ROLES[role].startPage : "/",
      setCookie: result.headers.getSetCookie(),
    };
  } catch (error) {
    if (error instanceof APIError || (error instanceof AppError && error.code === "FORBIDDEN")) {
      await recordFailure(db, input.username, ip);
      if (error instanceof AppError) throw error;
      throw new AppError("UNAUTHENTICATED", "用户名或密码错误");
    }
    throw error;
  }
}
