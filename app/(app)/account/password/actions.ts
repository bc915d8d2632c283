"use server";
import { headers } from "next/headers";
import { action } from "@/lib/http/action";
import { isAuthRefusal } from "@/lib/auth/server/auth-errors";
import { getAuth } from "@/lib/auth/server/session";
import { invalid } from "@/lib/errors";
import { ZChangePassword } from "@/lib/users/schemas";

export const changePasswordAction = action(ZChangePassword, "signed-in", async (input) => {
  try {
    // Other sessions of this account end; this one continues with a fresh token.
    await getAuth().api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    // By shape, not by class: better-auth's error class is another copy in another route's bundle.
    if (isAuthRefusal(error)) throw invalid("当前密码不正确", { currentPassword: ["当前密码不正确"] });
    throw error;
  }
  return { changed: true };
});
