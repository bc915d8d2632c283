import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-lg font-semibold text-slate-900">页面不存在或您无权访问</h1>
      <p className="text-sm text-slate-500">请检查网址，或返回首页。</p>
      <Link href="/" className="text-sm text-brand-600 hover:underline">
        返回首页
      </Link>
    </main>
  );
}
