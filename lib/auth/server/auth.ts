import "server-only";
// better-auth configured for username + password accounts stored in our database (docs/decisions/002-auth.md).
// Sign-up is closed: accounts are created by administrators (lib/users/). Throttling is ours
// (lib/auth/throttle.ts) because it must count per account across every app instance.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins/username";
import type { Db } from "@/lib/db/connect";
import { hashPassword, verifyPassword } from "@/lib/auth/server/password";
import { env } from "@/lib/server/env";
import { USERNAME_MAX, USERNAME_MIN, USERNAME_PATTERN, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/users/schemas";

export const SESSION_HOURS = 12;

export function createAuth(db: Db) {
  const { APP_URL, AUTH_SECRET } = env();
  return betterAuth({
    appName: "县级政府履行教育职责自评报告系统",
    baseURL: APP_URL,
    secret: AUTH_SECRET,
    database: prismaAdapter(db, { provider: db.provider }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      // better-auth's own scrypt, one at a time per process (lib/auth/server/password.ts).
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: true },
        regionCode: { type: "string", input: false, required: true },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: SESSION_HOURS * 3600,
      updateAge: 3600,
      // A session ends SESSION_HOURS after sign-in, always. better-auth renews a "remembered" session every
      // updateAge, and takes a request without the dont_remember cookie for one: sending only the session cookie
      // moved the end forward every hour, forever. Nothing here ever renews a session.
      disableSessionRefresh: true,
      // No cookie cache: a disabled account or a logout must take effect on the next request.
      cookieCache: { enabled: false },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account never gets a session, whichever path tried to create it. Sign-in never remembers the
          // browser (lib/auth/login.ts), and better-auth gives such sessions a fixed day; ours last SESSION_HOURS.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) return false;
            const latest = new Date(Date.now() + SESSION_HOURS * 3600_000);
            return new Date(session.expiresAt) > latest ? { data: { ...session, expiresAt: latest } } : undefined;
          },
        },
      },
    },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "edu",
      useSecureCookies: APP_URL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [
      username({
        minUsernameLength: USERNAME_MIN,
        maxUsernameLength: USERNAME_MAX,
        usernameValidator: (name) => USERNAME_PATTERN.test(name),
      }),
      nextCookies(), // must stay last: it copies Set-Cookie from API calls made inside server actions
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
