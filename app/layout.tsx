import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/app/globals.css";

export const metadata: Metadata = {
  title: { default: "县级政府履行教育职责自评报告系统", template: "%s · 履职自评报告系统" },
  description: "县级政府履行教育职责评价自评报告的填报、审核与公文导出",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
