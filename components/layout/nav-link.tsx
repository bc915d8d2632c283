"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** `deeper`: other entries below this one (/review/ledger under /review); on their pages only they are current. */
export function NavLink({ href, children, deeper = [] }: { href: string; children: ReactNode; deeper?: string[] }) {
  const path = usePathname();
  const active = path.startsWith(href) && !deeper.some((d) => path.startsWith(d));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
