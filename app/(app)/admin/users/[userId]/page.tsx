import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DisableToggle, ResetPasswordForm } from "@/components/admin/user-account-controls";
import { UserForm } from "@/components/admin/user-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page";
import { getUserAccess } from "@/lib/auth/server/guards";
import { requireActor } from "@/lib/auth/server/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { regionOptions } from "@/lib/regions/server/options";

export const metadata: Metadata = { title: "编辑用户" };

export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const actor = await requireActor();
  const { userId } = await params;
  const { created } = await searchParams;
  const db = getDb();
  const user = await getUserAccess(db, actor, userId.slice(0, 64)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const regions = await regionOptions(db, actor);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={`${user.name}（${user.username}）`}
        description={<Link href="/admin/users" className="text-brand-600 hover:underline">← 返回用户列表</Link>}
      />
      {created ? (
        <div className="mb-4">
          <Alert tone="success">用户已创建。请将用户名和初始密码告知本人。</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="基本信息">
          <UserForm
            mode="edit"
            regions={regions}
            user={{ id: user.id, username: user.username, name: user.name, role: user.role, regionCode: user.regionCode }}
          />
        </Card>
        <div className="space-y-6">
          <Card title="账号状态">
            <DisableToggle id={user.id} disabled={user.disabled} self={user.id === actor.userId} />
          </Card>
          <Card title="重置密码">
            <ResetPasswordForm id={user.id} />
          </Card>
        </div>
      </div>
    </div>
  );
}
