"use client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";

/** Puts a failed action's field messages on the form's fields and returns the message for the whole form. */
export function applyActionErrors<T extends FieldValues>(form: UseFormReturn<T>, result: ActionResult<unknown>): string | null {
  if (result.ok) return null;
  let placed = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field in form.getValues()) {
      form.setError(field as Path<T>, { message: messages[0] });
      placed = true;
    }
  }
  return placed && result.code === "INVALID_INPUT" ? "请按提示修改标红的字段" : result.error;
}

/** Server actions can also fail in transport (body over the size limit, server restarting, offline). */
export async function callAction<T>(fn: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await fn();
  } catch {
    return { ok: false, code: "INTERNAL", error: "请求未能送达服务器（网络中断或内容过大），请检查后重试" };
  }
}
