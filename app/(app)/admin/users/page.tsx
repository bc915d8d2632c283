import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { ROLES, ROLE_KEYS } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/server/service";
import { ActionsHeader } from "@/components/ui/table";

export const metadata: Metadata = { title: "用户管理" };

type Search = { q?: string; role?: string; status?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const s = await searchParams;
  const role = typeof s.role === "string" && (ROLE_KEYS as string[]).includes(s.role) ? s.role : undefined;
  const status = s.status === "active" || s.status === "disabled" ? s.status : undefined;
  const q = typeof s.q === "string" ? s.q : "";
  const users = await listUsers(getDb(), actor, { q, role, status });
  return (
    <>
      <PageHeader
        title="用户管理"
        description={`${actor.region.name}范围内的账号`}
        actions={
          <Link href="/admin/users/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            新建用户
          </Link>
        }
      />
      <form className="mb-4 flex flex-wrap gap-2" role="search" aria-label="筛选用户">
        <input name="q" defaultValue={q} placeholder="用户名或姓名" aria-label="用户名或姓名" className={`${inputClass} max-w-xs`} />
        <select name="role" defaultValue={role ?? ""} aria-label="角色" className={`${inputClass} max-w-40`}>
          <option value="">全部角色</option>
          {ROLE_KEYS.map((r) => (
            <option key={r} value={r}>
              {ROLES[r].label}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={status ?? ""} aria-label="状态" className={`${inputClass} max-w-32`}>
          <option value="">全部状态</option>
          <option value="active">正常</option>
          <option value="disabled">已停用</option>
        </select>
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </form>
      <Card>
        {users.length === 0 ? (
          <p className="text-sm text-slate-500">没有符合条件的用户。</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="用户列表">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-normal">用户名</th>
                <th className="py-1 font-normal">姓名</th>
                <th className="py-1 font-normal">角色</th>
                <th className="py-1 font-normal">所属区划</th>
                <th className="py-1 font-normal">状态</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-slate-100">
                  <td className="py-2 font-mono text-xs">{u.username}</td>
                  <td className="py-2">{u.name}</td>
                  <td className="py-2">{ROLES[u.role as keyof typeof ROLES]?.label ?? u.role}</td>
                  <td className="py-2">{u.region.name}</td>
                  <td className="py-2">{u.disabled ? <Badge tone="red">已停用</Badge> : <Badge tone="green">正常</Badge>}</td>
                  <td className="py-2 text-right">
                    <Link href={`/admin/users/${u.id}`} className="text-brand-600 hover:underline">
                      编辑
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
