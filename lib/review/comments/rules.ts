// Who may close a thread. A reviewer's thread (督导意见) is a question the county must answer before it resubmits
// (已修改 / 说明理由, lib/review/comments/server/answers.ts); if the county could mark it resolved it could skip that
// answer, submit, and the reviewer would never hear of it. So only reviewers resolve a reviewer's thread; a thread
// a county user started is anyone's to resolve. Reopening stays open to everyone who may comment (it only asks for
// more). Universal: the thread's buttons follow it, the service enforces it.

const REVIEWER_ROLES: readonly string[] = ["city_reviewer", "province_reviewer"];

export const isReviewerRole = (role: string) => REVIEWER_ROLES.includes(role);

/** Whether someone (a reviewer or not) may mark a thread started by `authorRole` resolved. */
export function mayResolveThread(actorIsReviewer: boolean, authorRole: string): boolean {
  return actorIsReviewer || !isReviewerRole(authorRole);
}

export const REVIEWER_THREAD_RESOLVED_BY_REVIEWERS = "督导意见只能由督导标记已解决；请在意见下选择“已修改”或“说明理由”答复";
