"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { handInAction } from "@/app/(app)/reports/[reportId]/assignments/actions";
import { Button } from "@/components/ui/button";

/** 已提交本部门: the contributor tells the lead the item is ready (it is then read-only for them until sent back). */
export function HandInButton({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        type="button"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          const result = await handInAction({ assignmentId });
          setBusy(false);
          if (!result.ok) return setError(result.error);
          setError(null);
          router.refresh();
        }}
      >
        已提交本部门
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
