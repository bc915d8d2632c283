// The autosave's rules, event by event, without a browser: what the person sees (state, message, the conflict) and
// what the shell is told to do (send, time, keep or drop the local draft, tell the form). The last test drives
// random interleavings against a simulated server and checks the promises that matter: never two saves in flight,
// every save on the newest version known, and in the end the server holds the last text typed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AUTOSAVE_DELAY_MS,
  MESSAGES,
  RESTORE_DELAY_MS,
  RETRY_MS,
  initialModel,
  step,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveModel,
  type Theirs,
} from "@/components/report/autosave-machine";
import { emptyContent, type SectionContent } from "@/lib/report/content";
import { richFromLines } from "@/lib/report/rich-text";

const text = (narrative: string): SectionContent => ({ ...emptyContent.narrative(), narrative: richFromLines(narrative) });

/** Runs events from `model` and collects every effect on the way. */
function run(model: AutosaveModel, ...events: AutosaveEvent[]) {
  const effects: AutosaveEffect[] = [];
  for (const event of events) {
    const next = step(model, event);
    model = next.model;
    effects.push(...next.effects);
  }
  return { model, effects };
}

const ok = (version: number, savedAt = "2026-03-02T06:05:09.000Z"): AutosaveEvent => ({ type: "answered", status: 200, body: { version, savedAt, completeness: 40 } });
const conflictWith = (theirs: Theirs): AutosaveEvent => ({ type: "answered", status: 409, body: { conflict: theirs } });
const sends = (effects: AutosaveEffect[]) => effects.filter((e) => e.type === "send");

describe("typing and saving", () => {
  it("a change marks the section dirty, keeps it in the local draft on the current version and saves 1.5 s later", () => {
    const mine = text("第一稿");
    const { model, effects } = run(initialModel(3, false), { type: "changed", content: mine });
    expect(model.state).toBe("dirty");
    expect(effects).toEqual([
      { type: "write-draft", draft: { base: 3, content: mine } },
      { type: "schedule", ms: AUTOSAVE_DELAY_MS },
    ]);
  });

  it("the save sends the content on its base version; the answer advances the version, drops the draft and tells the editor", () => {
    const mine = text("第一稿");
    const sent = run(initialModel(3, false), { type: "changed", content: mine }, { type: "save" });
    expect(sent.model.state).toBe("saving");
    expect(sends(sent.effects)).toEqual([{ type: "send", baseVersion: 3, content: mine, keepalive: false }]);

    const done = run(sent.model, ok(4));
    expect(done.model).toMatchObject({ state: "saved", message: null, base: 4, pending: null, sending: null, savedAt: "2026-03-02T06:05:09.000Z" });
    expect(done.effects).toEqual([
      { type: "saved", version: 4, content: mine, completeness: 40 },
      { type: "remove-draft" },
    ]);
  });

  it("a save with nothing pending sends nothing", () => {
    expect(run(initialModel(1, false), { type: "save" }, { type: "save", keepalive: true }).effects).toEqual([]);
  });

  it("leaving the page sends the pending content with keepalive", () => {
    const { effects } = run(initialModel(1, false), { type: "changed", content: text("关页前") }, { type: "save", keepalive: true });
    expect(sends(effects)[0]).toMatchObject({ keepalive: true, baseVersion: 1 });
  });
});

describe("a save requested while one is in flight", () => {
  it("is coalesced: nothing more goes out until the answer, then the latest content goes at once on the new version", () => {
    const first = text("一");
    const second = text("一二");
    const third = text("一二三");
    let { model, effects } = run(initialModel(5, false), { type: "changed", content: first }, { type: "save" });
    expect(sends(effects)).toHaveLength(1);

    // Typing twice and the timer firing twice while the first save is in flight: nothing is sent.
    ({ model, effects } = run(model, { type: "changed", content: second }, { type: "save" }, { type: "changed", content: third }, { type: "save" }));
    expect(sends(effects)).toEqual([]);
    expect(model.state).toBe("dirty");
    expect(effects.filter((e) => e.type === "write-draft").map((e) => e.type === "write-draft" && e.draft)).toEqual([
      { base: 5, content: second },
      { base: 5, content: third },
    ]);

    // The first answer: the editor learns version 6 with the first text; the draft (the third) now names version 6.
    ({ model, effects } = run(model, ok(6)));
    expect(model).toMatchObject({ base: 6, pending: third, sending: null, state: "dirty" });
    expect(effects).toEqual([
      { type: "saved", version: 6, content: first, completeness: 40 },
      { type: "write-draft", draft: { base: 6, content: third } },
      { type: "schedule", ms: 0 },
    ]);

    // The immediate save: only the latest text, on version 6; its answer ends it.
    ({ model, effects } = run(model, { type: "save" }));
    expect(sends(effects)).toEqual([{ type: "send", baseVersion: 6, content: third, keepalive: false }]);
    ({ model, effects } = run(model, ok(7)));
    expect(model).toMatchObject({ state: "saved", base: 7, pending: null });
    expect(effects).toContainEqual({ type: "remove-draft" });
  });
});

describe("someone else saved the section (stale base)", () => {
  const theirs: Theirs = { version: 8, content: text("审核员的文字"), updatedBy: "李审核", updatedAt: "2026-03-02T06:00:00.000Z" };

  function inConflict() {
    const mine = text("填报员的文字");
    const { model } = run(initialModel(7, false), { type: "changed", content: mine }, { type: "save" }, conflictWith(theirs));
    return { model, mine };
  }

  it("a 409 with another text stops in a conflict holding both versions; nothing is overwritten or resent", () => {
    const { model, mine } = inConflict();
    expect(model.state).toBe("conflict");
    expect(model.conflict).toEqual({ mine, theirs });
    expect(model.base).toBe(7);
    // Timers, coming back online, leaving the page: no save while the person has not chosen.
    expect(run(model, { type: "save" }, { type: "save", keepalive: true }).effects).toEqual([]);
  });

  it("typing while the dialog is open still follows into the draft, but schedules nothing", () => {
    const { model } = inConflict();
    const later = text("填报员又改了");
    const next = run(model, { type: "changed", content: later });
    expect(next.effects).toEqual([{ type: "write-draft", draft: { base: 7, content: later } }]);
    expect(next.model.state).toBe("conflict");
  });

  it("保留我的版本: my text goes out at once on their version, and is kept in the draft until it is saved", () => {
    const { model, mine } = inConflict();
    const kept = run(model, { type: "resolved", choice: "mine" });
    expect(kept.model).toMatchObject({ conflict: null, base: 8, state: "saving" });
    expect(kept.effects).toEqual([
      { type: "write-draft", draft: { base: 8, content: mine } },
      { type: "send", baseVersion: 8, content: mine, keepalive: false },
    ]);
    expect(run(kept.model, ok(9)).model).toMatchObject({ state: "saved", base: 9 });
  });

  it("采用已保存的版本: their text replaces the form, the editor learns their version, the draft is dropped", () => {
    const { model } = inConflict();
    const taken = run(model, { type: "resolved", choice: "theirs" });
    expect(taken.model).toMatchObject({ conflict: null, base: 8, pending: null, state: "saved", message: null });
    expect(taken.effects).toEqual([
      { type: "remove-draft" },
      { type: "replace", content: theirs.content },
      { type: "saved", version: 8, content: theirs.content, completeness: -1 },
    ]);
    // The next change starts from their version.
    expect(run(taken.model, { type: "changed", content: text("在其基础上修改") }).effects[0]).toEqual({
      type: "write-draft",
      draft: { base: 8, content: text("在其基础上修改") },
    });
  });

  it("a 409 that names our own text (an earlier answer was lost) adopts its version silently", () => {
    const mine = text("已经到达服务器的文字");
    const { model, effects } = run(initialModel(2, false), { type: "changed", content: mine }, { type: "save" }, {
      type: "answered",
      status: 409,
      body: { conflict: { version: 3, content: text("已经到达服务器的文字"), updatedBy: "张填报", updatedAt: "2026-03-02T06:00:00.000Z" } },
    });
    expect(model).toMatchObject({ state: "saved", conflict: null, base: 3, pending: null, savedAt: "2026-03-02T06:00:00.000Z" });
    // The editor learns the version too, so coming back to this section starts from it (not a conflict with oneself).
    expect(effects).toContainEqual({ type: "saved", version: 3, content: mine, completeness: -1 });
    expect(effects).toContainEqual({ type: "remove-draft" });
  });

  it("typed while that save was in flight: the draft names the adopted version and the newer text goes out at once", () => {
    const first = text("已经到达服务器的文字");
    const newer = text("已经到达服务器的文字，又加一句");
    let { model, effects } = run(initialModel(2, false), { type: "changed", content: first }, { type: "save" }, { type: "changed", content: newer });
    ({ model, effects } = run(model, { type: "answered", status: 409, body: { conflict: { version: 3, content: first, updatedBy: "张填报", updatedAt: "2026-03-02T06:00:00.000Z" } } }));
    expect(effects).toEqual([
      { type: "saved", version: 3, content: first, completeness: -1 },
      { type: "write-draft", draft: { base: 3, content: newer } },
      { type: "schedule", ms: 0 },
    ]);
    expect(sends(run(model, { type: "save" }).effects)).toEqual([{ type: "send", baseVersion: 3, content: newer, keepalive: false }]);
  });

  it("typed while the save was in flight and it met a conflict: 我的版本 is the newest text, and keeping it sends that", () => {
    const first = text("一");
    const newer = text("一二");
    const { model } = run(initialModel(7, false), { type: "changed", content: first }, { type: "save" }, { type: "changed", content: newer }, conflictWith(theirs));
    expect(model.conflict?.mine).toBe(newer);
    const kept = run(model, { type: "resolved", choice: "mine" });
    expect(sends(kept.effects)).toEqual([{ type: "send", baseVersion: 8, content: newer, keepalive: false }]);
    // The form already shows it: nothing is replaced.
    expect(kept.effects.filter((e) => e.type === "replace")).toEqual([]);
  });

  it("resolving when there is no conflict does nothing", () => {
    expect(run(initialModel(1, false), { type: "resolved", choice: "mine" }, { type: "resolved", choice: "theirs" }).effects).toEqual([]);
  });
});

describe("offline and server errors", () => {
  it("a network error keeps the draft, says so, and retries after 5 s; typing meanwhile stays 离线; the retry saves", () => {
    const mine = text("断网时写的");
    let { model, effects } = run(initialModel(1, false), { type: "changed", content: mine }, { type: "save" }, { type: "network-failed" });
    expect(model).toMatchObject({ state: "offline", message: MESSAGES.networkDown, sending: null, pending: mine });
    expect(effects.at(-1)).toEqual({ type: "schedule", ms: RETRY_MS });
    expect(effects).not.toContainEqual({ type: "remove-draft" });

    const more = text("断网时写的，又加了一句");
    ({ model, effects } = run(model, { type: "changed", content: more }));
    expect(model.state).toBe("offline");
    expect(effects).toEqual([
      { type: "write-draft", draft: { base: 1, content: more } },
      { type: "schedule", ms: AUTOSAVE_DELAY_MS },
    ]);

    // Still down at the next try: the same again.
    ({ model, effects } = run(model, { type: "save" }, { type: "network-failed" }));
    expect(model.state).toBe("offline");
    expect(effects).toEqual([
      { type: "send", baseVersion: 1, content: more, keepalive: false },
      { type: "schedule", ms: RETRY_MS },
    ]);

    // Back online (the browser's online event, or the retry timer): saved, the draft dropped.
    ({ model, effects } = run(model, { type: "save" }, ok(2)));
    expect(model).toMatchObject({ state: "saved", message: null, base: 2, pending: null });
    expect(effects).toContainEqual({ type: "remove-draft" });
  });

  it("a 5xx is treated as offline: kept locally and retried", () => {
    const { model, effects } = run(initialModel(1, false), { type: "changed", content: text("x") }, { type: "save" }, {
      type: "answered",
      status: 500,
      body: { error: "系统繁忙，请稍后重试（错误编号 1a2b3c4d）" },
    });
    expect(model).toMatchObject({ state: "offline", message: MESSAGES.serverDown });
    expect(effects.at(-1)).toEqual({ type: "schedule", ms: RETRY_MS });
  });

  it("a 4xx validation error shows the server's message and field errors and is not retried", () => {
    const fieldErrors = { narrative: ["内容过长：每段正文最多 20000 字，请拆分或精简"] };
    const { model, effects } = run(initialModel(1, false), { type: "changed", content: text("很长") }, { type: "save" }, {
      type: "answered",
      status: 422,
      body: { error: "内容过长：每段正文最多 20000 字，请拆分或精简", fieldErrors },
    });
    expect(model).toMatchObject({ state: "error", message: "内容过长：每段正文最多 20000 字，请拆分或精简", sending: null });
    expect(effects.slice(-1)).toEqual([{ type: "field-errors", errors: fieldErrors }]);
    expect(effects.filter((e) => e.type === "schedule" && e.ms !== AUTOSAVE_DELAY_MS)).toEqual([]);
    expect(effects).not.toContainEqual({ type: "remove-draft" });
  });

  it("a 4xx without a message says 保存失败; a 401 says to sign in again and that the text is kept locally", () => {
    const answer = (status: number) => run(initialModel(1, false), { type: "changed", content: text("x") }, { type: "save" }, { type: "answered", status, body: {} }).model;
    expect(answer(413)).toMatchObject({ state: "error", message: MESSAGES.failed });
    expect(answer(401)).toMatchObject({ state: "error", message: "登录已过期，请重新登录后继续（未保存的内容已保存在本机）" });
  });

  it("a refused save with a newer text typed meanwhile sends the newer text at once, once", () => {
    const refused = (body: object) => ({ type: "answered", status: 422, body }) as AutosaveEvent;
    const newer = text("改正后的文字");
    let { model, effects } = run(initialModel(1, false), { type: "changed", content: text("有问题的文字") }, { type: "save" }, { type: "changed", content: newer });
    ({ model, effects } = run(model, refused({ error: "内容不符合要求" })));
    expect(model.state).toBe("error");
    expect(effects).toEqual([{ type: "schedule", ms: 0 }]);
    ({ model, effects } = run(model, { type: "save" }));
    expect(sends(effects)).toEqual([{ type: "send", baseVersion: 1, content: newer, keepalive: false }]);
    // Refused too: now nothing newer is pending, so it stops there.
    expect(run(model, refused({ error: "内容不符合要求" })).effects).toEqual([]);
  });

  it("content held invalid while a save was in flight: the answer does not claim 已保存, the reason stays", () => {
    const reason = "有 1 处内容需要修改后才能保存：日期格式应为 年-月-日";
    const { model } = run(initialModel(1, false), { type: "changed", content: text("x") }, { type: "save" }, { type: "held", reason }, ok(2));
    expect(model).toMatchObject({ state: "error", message: reason, base: 2, pending: null });
    // The next valid change clears it.
    expect(run(model, { type: "changed", content: text("y") }, { type: "save" }, ok(3)).model).toMatchObject({ state: "saved", message: null });
  });

  it("content that fails the section's schema in the browser is held: the timer stops and the reason shows", () => {
    const { model, effects } = run(initialModel(1, false), { type: "changed", content: text("x") }, { type: "held", reason: "有 1 处内容需要修改后才能保存：请输入数字" });
    expect(model).toMatchObject({ state: "error", message: "有 1 处内容需要修改后才能保存：请输入数字" });
    expect(effects.at(-1)).toEqual({ type: "cancel-timer" });
  });
});

describe("a local draft found on load", () => {
  const server = text("服务器上的文字");

  it("on the same base version: restored into the form, marked dirty with a note, saved shortly", () => {
    const draft = { base: 4, content: text("上次未保存的文字"), at: "2026-03-02T05:00:00.000Z" };
    const { model, effects } = run(initialModel(4, false), { type: "draft-read", draft, serverContent: server });
    expect(model).toMatchObject({ state: "dirty", message: MESSAGES.restored, pending: draft.content });
    expect(effects).toEqual([
      { type: "replace", content: draft.content },
      // The page says so, with when the draft was written (issue 14: a restored draft came back with no notice).
      { type: "restored", at: "2026-03-02T05:00:00.000Z" },
      { type: "schedule", ms: RESTORE_DELAY_MS },
    ]);
    expect(sends(run(model, { type: "save" }).effects)).toEqual([{ type: "send", baseVersion: 4, content: draft.content, keepalive: false }]);
  });

  it("that the server already has: dropped, nothing restored", () => {
    const { model, effects } = run(initialModel(5, false), { type: "draft-read", draft: { base: 4, content: text("服务器上的文字") }, serverContent: server });
    expect(effects).toEqual([{ type: "remove-draft" }]);
    expect(model.state).toBe("saved");
  });

  it("on an older version (the server moved on): a conflict with the server's text, author unknown", () => {
    const draft = { base: 4, content: text("上次未保存的文字") };
    const { model, effects } = run(initialModel(6, false), { type: "draft-read", draft, serverContent: server });
    expect(effects).toEqual([]);
    expect(model.state).toBe("conflict");
    expect(model.conflict).toEqual({ mine: draft.content, theirs: { version: 6, content: server, updatedBy: null, updatedAt: "" } });
  });

  it("on an older version, 保留我的版本 puts my text into the form (it showed the server's) and saves it on the server's version", () => {
    const draft = { base: 4, content: text("上次未保存的文字") };
    const { model } = run(initialModel(6, false), { type: "draft-read", draft, serverContent: server });
    expect(run(model, { type: "resolved", choice: "mine" }).effects).toEqual([
      { type: "replace", content: draft.content },
      { type: "write-draft", draft: { base: 6, content: draft.content } },
      { type: "send", baseVersion: 6, content: draft.content, keepalive: false },
    ]);
  });

  it("none: nothing happens", () => {
    expect(run(initialModel(1, false), { type: "draft-read", draft: null, serverContent: server })).toEqual({ model: initialModel(1, false), effects: [] });
  });
});

describe("read-only (submitted or accepted report, or a reviewer)", () => {
  it("ignores changes, never restores a draft and never sends", () => {
    const draft = { base: 1, content: text("草稿") };
    const { model, effects } = run(
      initialModel(1, true),
      { type: "draft-read", draft, serverContent: text("已提交的文字") },
      { type: "changed", content: text("试图修改") },
      { type: "save" },
      { type: "save", keepalive: true },
    );
    expect(effects).toEqual([]);
    expect(model).toEqual(initialModel(1, true));
  });

  it("a report that becomes read-only while open stops taking changes", () => {
    const { effects } = run(initialModel(1, false), { type: "read-only", readOnly: true }, { type: "changed", content: text("x") }, { type: "save" });
    expect(effects).toEqual([]);
  });
});

// A simulated server and an arbitrary interleaving of what can happen in the browser: typing, the timer, the answer
// of the save in flight arriving (or being lost after the server stored it, or before), the server failing, and
// another person saving the same section. The person always keeps their own text when a conflict appears.
type Action =
  | { kind: "type" }
  | { kind: "save" }
  | { kind: "deliver" }
  | { kind: "lost-after-commit" }
  | { kind: "network-down" }
  | { kind: "server-error" }
  | { kind: "other-writer" };

const ACTION = fc.oneof(
  fc.constant<Action>({ kind: "type" }),
  fc.constant<Action>({ kind: "save" }),
  fc.constant<Action>({ kind: "deliver" }),
  fc.constant<Action>({ kind: "lost-after-commit" }),
  fc.constant<Action>({ kind: "network-down" }),
  fc.constant<Action>({ kind: "server-error" }),
  fc.constant<Action>({ kind: "other-writer" }),
);

describe("any interleaving", () => {
  it("never two saves in flight, each on the newest version the browser knows, and in the end the server has the last text", () => {
    fc.assert(
      fc.property(fc.array(ACTION, { maxLength: 60 }), (actions) => {
        const db = { version: 1, content: text("v1") };
        let model = initialModel(1, false);
        let inFlight: { baseVersion: number; content: SectionContent } | null = null;
        let typed = 0;
        let last: SectionContent | null = null;
        // Our last text must end on the server unless it was already saved when someone else replaced it (their
        // edit then stands: nothing of ours was pending).
        let mustWin = false;

        const apply = (event: AutosaveEvent) => {
          const next = step(model, event);
          model = next.model;
          for (const e of next.effects) {
            if (e.type !== "send") continue;
            expect(inFlight, "two saves in flight").toBeNull();
            expect(e.baseVersion).toBe(model.base);
            inFlight = { baseVersion: e.baseVersion, content: e.content };
          }
        };
        /** The server's answer to the save in flight, as PUT …/sections/:key gives it. */
        const serve = (): AutosaveEvent => {
          const req = inFlight!;
          if (req.baseVersion !== db.version) {
            return { type: "answered", status: 409, body: { conflict: { version: db.version, content: db.content, updatedBy: "李审核", updatedAt: "2026-03-02T06:00:00.000Z" } } };
          }
          db.version += 1;
          db.content = req.content;
          return ok(db.version);
        };
        const finish = (event: AutosaveEvent) => {
          inFlight = null;
          apply(event);
          if (model.state === "conflict") apply({ type: "resolved", choice: "mine" });
        };

        for (const a of actions) {
          if (a.kind === "type") {
            apply({ type: "changed", content: (last = text(`第 ${++typed} 次`)) });
            mustWin = true;
          } else if (a.kind === "save") apply({ type: "save" });
          else if (a.kind === "other-writer") {
            db.content = text(`别人第 ${++db.version} 版`);
            if (!model.pending && !inFlight) mustWin = false;
          }
          else if (!inFlight) continue;
          else if (a.kind === "deliver") finish(serve());
          else if (a.kind === "lost-after-commit") {
            serve();
            finish({ type: "network-failed" });
          } else if (a.kind === "network-down") finish({ type: "network-failed" });
          else finish({ type: "answered", status: 500, body: { error: "系统繁忙，请稍后重试" } });
        }
        // Then the network is good and nobody else writes: timers fire and answers arrive until it is quiet.
        for (let i = 0; i < 20 && (inFlight || model.pending); i++) {
          if (inFlight) finish(serve());
          else apply({ type: "save" });
        }
        expect(inFlight).toBeNull();
        expect(model.state).toBe("saved");
        expect(model.pending).toBeNull();
        if (mustWin) {
          expect(db.content).toEqual(last);
          expect(model.base).toBe(db.version);
        }
      }),
      { numRuns: 500 },
    );
  });
});
