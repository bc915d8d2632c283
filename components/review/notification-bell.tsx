import Link from "next/link";

/** The header's bell: a link to /notifications with the unread count (rendered by the server, no polling). */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread ? `通知（${unread} 条未读）` : "通知";
  return (
    <Link href="/notifications" aria-label={label} title={label} data-testid="notification-bell" className="relative inline-flex items-center rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span data-testid="unread-count" className="absolute -right-1.5 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-[1.1rem] text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
