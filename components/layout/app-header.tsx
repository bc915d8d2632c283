import Link from "next/link";
import { logoutAction } from "@/app/(app)/actions";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, hasPermission, type Permission } from "@/lib/auth/roles";
import { NavLink } from "@/components/layout/nav-link";
import { NotificationBell } from "@/components/review/notification-bell";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/reports", label: "自评报告", permission: "report:read" },
  { href: "/tasks", label: "我的填报任务", permission: "report:contribute" },
  { href: "/county", label: "本县账号", permission: "county:view" },
  { href: "/review", label: "辖区概览", permission: "review:dashboard" },
  { href: "/review/ledger", label: "整改台账", permission: "review:dashboard" },
  { href: "/phrases", label: "常用意见", permission: "report:review" },
  { href: "/admin/users", label: "用户管理", permission: "user:manage" },
  { href: "/admin/regions", label: "行政区划", permission: "region:manage" },
  { href: "/admin/schemes", label: "评价方案", permission: "scheme:manage" },
];

export function AppHeader({ actor, unread }: { actor: Actor; unread: number }) {
  const items = NAV.filter((n) => hasPermission(actor.role, n.permission));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={ROLES[actor.role].startPage} className="text-sm font-semibold text-brand-800">
          履职自评报告系统
        </Link>
        <nav aria-label="主导航" className="flex gap-1">
          {items.map((n) => (
            <NavLink key={n.href} href={n.href} deeper={items.filter((o) => o.href !== n.href && o.href.startsWith(`${n.href}/`)).map((o) => o.href)}>
              {n.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <NotificationBell unread={unread} />
          <span className="text-slate-600" data-testid="current-user">
            {actor.name} · {ROLES[actor.role].label} · {actor.region.name}
          </span>
          <Link href="/account/password" className="text-slate-500 hover:text-slate-900">
            修改密码
          </Link>
          <form action={logoutAction}>
            <button type="submit" className="text-slate-500 hover:text-slate-900">
              退出登录
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
