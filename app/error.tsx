"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-lg font-semibold text-slate-900">页面出错了</h1>
      <p className="text-sm text-slate-500">
        请稍后重试。如果问题持续出现，请把错误编号告诉系统管理员{error.digest ? `：${error.digest}` : "。"}
      </p>
      <button type="button" onClick={reset} className="text-sm text-brand-600 hover:underline">
        重试
      </button>
    </main>
  );
}
