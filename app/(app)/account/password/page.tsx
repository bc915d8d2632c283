import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "修改密码" };

export default function ChangePasswordPage() {
  return (
    <div className="max-w-md">
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录将失效。" />
      <Card>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
