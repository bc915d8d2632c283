import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { ROLES } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/server/session";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(ROLES[actor.role].startPage);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-xl font-semibold text-slate-900">县级政府履行教育职责自评报告系统</h1>
          <p className="mt-2 text-sm text-slate-500">县级填报 · 市省督导审核 · 规范公文导出</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm />
        </div>
        <p className="mt-4 text-center text-xs text-slate-400">账号由系统管理员分配；忘记密码请联系管理员重置。</p>
      </div>
    </main>
  );
}
