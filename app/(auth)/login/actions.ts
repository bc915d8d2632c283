"use server";
import { headers } from "next/headers";
import { failure, parseInput, type ActionResult } from "@/lib/http/action";
import { signIn } from "@/lib/auth/server/login";
import { clientAddress, getAuth } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { ZLogin } from "@/lib/users/schemas";

export async function loginAction(raw: unknown): Promise<ActionResult<{ startPage: string }>> {
  try {
    const input = parseInput(ZLogin, raw);
    if (!input.ok) return input;
    const { startPage } = await signIn(getDb(), getAuth(), input.data, await clientAddress(), await headers());
    return { ok: true, data: { startPage } };
  } catch (error) {
    return failure(error);
  }
}
