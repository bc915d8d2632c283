import type { Metadata } from "next";
import Link from "next/link";
import { UserForm } from "@/components/admin/user-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/server/guards";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { regionOptions } from "@/lib/regions/server/options";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const actor = await requireActor();
  requirePermission(actor, "user:manage");
  const regions = await regionOptions(getDb(), actor);
  return (
    <div className="max-w-lg">
      <PageHeader title="新建用户" description={<Link href="/admin/users" className="text-brand-600 hover:underline">← 返回用户列表</Link>} />
      <Card>
        <UserForm mode="create" regions={regions} />
      </Card>
    </div>
  );
}
