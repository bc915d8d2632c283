import "server-only";
// Sign-in: validate, count the attempt (lib/auth/server/throttle.ts), let better-auth verify the password and
// create the session, and settle the attempt by its outcome. A wrong password and an unknown user are the same
// answer; a disabled account is named only to someone who knows its password.
import type { Db } from "@/lib/db/connect";
import type { Auth } from "@/lib/auth/server/auth";
import { authErrorCode, isAuthRefusal } from "@/lib/auth/server/auth-errors";
import { passwordQueueLength, verifyPassword } from "@/lib/auth/server/password";
import { reserveAttempt } from "@/lib/auth/server/throttle";
import { ROLES, isRole } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import type { TLogin } from "@/lib/users/schemas";

export type SignInResult = { startPage: string; setCookie: string[] };

/** Password checks waiting in this process beyond which a sign-in is turned away (each costs ~0.3 s of a core). */
export const PASSWORD_QUEUE_MAX = 16;

const wrong = () => new AppError("UNAUTHENTICATED", "用户名或密码错误");
const disabled = () => new AppError("FORBIDDEN", "该账号已停用，请联系系统管理员");

export async function signIn(db: Db, auth: Auth, input: TLogin, ip: string, headers: Headers): Promise<SignInResult> {
  if (passwordQueueLength() >= PASSWORD_QUEUE_MAX) throw new AppError("THROTTLED", "登录的人较多，请稍候片刻再试");
  const attempt = await reserveAttempt(db, input.username, ip);
  let result: Awaited<ReturnType<typeof signInWith>>;
  try {
    result = await signInWith(db, auth, input, headers);
  } catch (error) {
    // A refused password (or a disabled account) stays counted; anything else was no evaluation and is taken back.
    if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) throw error;
    await attempt.withdraw().catch(() => undefined);
    throw error;
  }
  await attempt.succeeded();
  return result;
}

async function signInWith(db: Db, auth: Auth, input: TLogin, headers: Headers): Promise<SignInResult> {
  const user = await db.user.findUnique({ where: { username: input.username.toLowerCase() }, select: { id: true, disabled: true, role: true } });
  if (user?.disabled) {
    // better-auth would refuse to create the session, but only after checking the password: do the same here, so
    // that "disabled" is never said to someone who does not know the password.
    const account = await db.account.findFirst({ where: { userId: user.id, providerId: "credential" }, select: { password: true } });
    const right = account?.password ? await verifyPassword({ hash: account.password, password: input.password }) : false;
    throw right ? disabled() : wrong();
  }
  try {
    const result = await auth.api.signInUsername({
      body: { username: input.username, password: input.password, rememberMe: false },
      headers,
      returnHeaders: true,
    });
    const role = user && isRole(user.role) ? user.role : null;
    return { startPage: role ? ROLES[role].startPage : "/", setCookie: result.headers.getSetCookie() };
  } catch (error) {
    if (isAuthRefusal(error)) throw wrong();
    // The session hook (lib/auth/server/auth.ts) refuses a session only to a disabled account: disabled just now.
    if (authErrorCode(error) === "FAILED_TO_CREATE_SESSION") throw disabled();
    throw error;
  }
}
