"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/server/service";
import { ZCreateUser, ZResetPassword, ZSetUserDisabled, ZUpdateUser } from "@/lib/users/schemas";

export const createUserAction = action(ZCreateUser, "user:manage", async (input, { db, actor }) => {
  const user = await createUser(db, actor, input);
  revalidatePath("/admin/users");
  return { id: user.id };
});

export const updateUserAction = action(ZUpdateUser, "user:manage", async (input, { db, actor }) => {
  await updateUser(db, actor, input);
  revalidatePath("/admin/users");
  return { id: input.id };
});

export const setUserDisabledAction = action(ZSetUserDisabled, "user:manage", async (input, { db, actor }) => {
  await setUserDisabled(db, actor, input.id, input.disabled);
  revalidatePath("/admin/users");
  return { disabled: input.disabled };
});

export const resetPasswordAction = action(ZResetPassword, "user:manage", async (input, { db, actor }) => {
  await resetPassword(db, actor, input.id, input.password);
  return { reset: true };
});
