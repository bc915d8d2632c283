"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { copySchemeAction } from "@/app/(app)/admin/schemes/drafts/actions";
import { callAction } from "@/components/ui/form-errors";

/** Starts a draft from a published or shipped scheme (new year, another province) and opens it in the editor. */
export function SchemeCopyButton({ schemeId, title }: { schemeId: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={`复制《${title}》为新草稿`}
        className="text-brand-600 hover:underline disabled:text-slate-400"
        onClick={async () => {
          setBusy(true);
          const result = await callAction(() => copySchemeAction({ schemeId }));
          setBusy(false);
          if (!result.ok) return setError(result.error);
          router.push(`/admin/schemes/drafts/${result.data.id}`);
        }}
      >
        复制为新草稿
      </button>
      {error ? <span role="alert" className="block text-xs text-red-700">{error}</span> : null}
    </>
  );
}
