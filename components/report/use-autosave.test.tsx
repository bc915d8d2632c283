// The shell around the autosave machine, in a DOM: the timer, the request it sends, localStorage, the browser's
// online / visibility events and unmounting. The rules themselves are in autosave-machine.test.ts; this proves the
// effects reach the browser's APIs. The network is a function the test answers.
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_DELAY_MS, MESSAGES, RESTORE_DELAY_MS, RETRY_MS, draftKey } from "@/components/report/autosave-machine";
import { useAutosave, type AutosaveOptions } from "@/components/report/use-autosave";
import { emptyContent, type SectionContent } from "@/lib/report/content";
import { richFromLines } from "@/lib/report/rich-text";

const text = (narrative: string): SectionContent => ({ ...emptyContent.narrative(), narrative: richFromLines(narrative) });
const KEY = draftKey("report-1", "criterion:evaluation_reform");
const storedDraft = () => {
  const raw = window.localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as { base: number; content: SectionContent; at: string }) : null;
};

type Request = { url: string; init: RequestInit; body: { baseVersion: number; content: SectionContent }; answer: (status: number, body: object) => void; fail: () => void };
let requests: Request[];

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          requests.push({ url, init, body: JSON.parse(String(init.body)), answer: (status, body) => resolve(Response.json(body, { status })), fail: () => reject(new TypeError("Failed to fetch")) });
        }),
    ),
  );
});

afterEach(() => {
  // Unmount first: leaving a section sends what is pending, and that must reach this test's server, not the network.
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function mount(overrides: Partial<AutosaveOptions> = {}) {
  const options: AutosaveOptions = {
    reportId: "report-1",
    sectionKey: "criterion:evaluation_reform",
    version: 3,
    serverContent: text("服务器上的文字"),
    readOnly: false,
    onReplace: vi.fn(),
    onSaved: vi.fn(),
    onFieldErrors: vi.fn(),
    ...overrides,
  };
  return { options, ...renderHook(() => useAutosave(options)) };
}

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const answer = (r: Request, status: number, body: object) => act(async () => r.answer(status, body));

describe("useAutosave in the browser", () => {
  it("saves 1.5 s after the last change with PUT on the base version; the draft stays in localStorage until the answer", async () => {
    const { result, options } = mount();
    act(() => result.current.change(text("一")));
    await wait(1000);
    act(() => result.current.change(text("一二")));
    expect(result.current.state).toBe("dirty");
    expect(storedDraft()).toMatchObject({ base: 3, content: text("一二") });
    await wait(AUTOSAVE_DELAY_MS - 1);
    expect(requests).toHaveLength(0);
    await wait(1);
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe("/api/reports/report-1/sections/criterion%3Aevaluation_reform");
    expect(requests[0].init.method).toBe("PUT");
    expect(requests[0].body).toEqual({ baseVersion: 3, content: text("一二") });
    expect(result.current.state).toBe("saving");
    expect(storedDraft()).not.toBeNull();

    await answer(requests[0], 200, { ok: true, version: 4, savedAt: "2026-03-02T06:05:09.000Z", completeness: 25 });
    expect(result.current.state).toBe("saved");
    expect(result.current.savedAt).toBe("2026-03-02T06:05:09.000Z");
    expect(options.onSaved).toHaveBeenCalledWith(4, text("一二"), 25);
    expect(storedDraft()).toBeNull();
  });

  it("offline: keeps the draft, says so, retries after 5 s and at once when the browser is back online", async () => {
    const { result } = mount();
    act(() => result.current.change(text("断网时写的")));
    await wait(AUTOSAVE_DELAY_MS);
    await act(async () => requests[0].fail());
    expect(result.current.state).toBe("offline");
    expect(result.current.message).toBe(MESSAGES.networkDown);
    expect(storedDraft()).toMatchObject({ base: 3, content: text("断网时写的") });

    await wait(RETRY_MS);
    expect(requests).toHaveLength(2);
    await act(async () => requests[1].fail());

    act(() => void window.dispatchEvent(new Event("online")));
    expect(requests).toHaveLength(3);
    await answer(requests[2], 200, { ok: true, version: 4, savedAt: "2026-03-02T06:05:09.000Z", completeness: 25 });
    expect(result.current.state).toBe("saved");
    expect(storedDraft()).toBeNull();
  });

  it("restores a draft left on the same version into the form and saves it shortly after", async () => {
    window.localStorage.setItem(KEY, JSON.stringify({ base: 3, content: text("上次未保存的文字"), at: "2026-03-02T05:00:00.000Z" }));
    const { result, options } = mount();
    expect(options.onReplace).toHaveBeenCalledWith(text("上次未保存的文字"));
    expect(result.current.state).toBe("dirty");
    expect(result.current.message).toBe(MESSAGES.restored);
    await wait(RESTORE_DELAY_MS);
    expect(requests.map((r) => r.body)).toEqual([{ baseVersion: 3, content: text("上次未保存的文字") }]);
  });

  it("a draft on an older version opens the conflict instead; taking theirs drops the draft", async () => {
    window.localStorage.setItem(KEY, JSON.stringify({ base: 2, content: text("旧草稿") }));
    const { result, options } = mount();
    expect(result.current.state).toBe("conflict");
    expect(result.current.conflict).toEqual({ mine: text("旧草稿"), theirs: { version: 3, content: text("服务器上的文字"), updatedBy: null, updatedAt: "" } });
    act(() => result.current.resolve("theirs"));
    expect(result.current.state).toBe("saved");
    expect(options.onReplace).toHaveBeenCalledWith(text("服务器上的文字"));
    expect(storedDraft()).toBeNull();
    expect(requests).toHaveLength(0);
  });

  it("a draft on an older version kept with 保留我的版本 goes into the form and is saved on the server's version", async () => {
    window.localStorage.setItem(KEY, JSON.stringify({ base: 2, content: text("旧草稿") }));
    const { result, options } = mount();
    act(() => result.current.resolve("mine"));
    expect(options.onReplace).toHaveBeenCalledWith(text("旧草稿"));
    expect(requests.map((r) => r.body)).toEqual([{ baseVersion: 3, content: text("旧草稿") }]);
    expect(storedDraft()).toMatchObject({ base: 3, content: text("旧草稿") });
  });

  it("sends what is pending with keepalive when the page is hidden or the section is left", async () => {
    const { result, unmount } = mount();
    act(() => result.current.change(text("切到别的标签页前")));
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(requests).toHaveLength(1);
    expect(requests[0].init.keepalive).toBe(true);
    await answer(requests[0], 200, { ok: true, version: 4, savedAt: "2026-03-02T06:05:09.000Z", completeness: 25 });

    act(() => result.current.change(text("离开这一部分前")));
    unmount();
    expect(requests).toHaveLength(2);
    expect(requests[1].init.keepalive).toBe(true);
    expect(requests[1].body).toEqual({ baseVersion: 4, content: text("离开这一部分前") });
    // The timer was cleared: no second save later.
    await wait(AUTOSAVE_DELAY_MS);
    expect(requests).toHaveLength(2);
  });

  it("passes the server's field errors to the form", async () => {
    const { result, options } = mount();
    act(() => result.current.change(text("x")));
    await wait(AUTOSAVE_DELAY_MS);
    await answer(requests[0], 422, { ok: false, code: "INVALID_INPUT", error: "得分不能为负", fieldErrors: { score: ["得分不能为负"] } });
    expect(result.current.state).toBe("error");
    expect(result.current.message).toBe("得分不能为负");
    expect(options.onFieldErrors).toHaveBeenCalledWith({ score: ["得分不能为负"] });
  });

  it("read-only: typing is ignored and a stored draft is left alone", async () => {
    window.localStorage.setItem(KEY, JSON.stringify({ base: 3, content: text("草稿") }));
    const { result, options, unmount } = mount({ readOnly: true });
    act(() => result.current.change(text("试图修改")));
    await wait(AUTOSAVE_DELAY_MS);
    unmount();
    expect(requests).toHaveLength(0);
    expect(options.onReplace).not.toHaveBeenCalled();
    expect(storedDraft()).toMatchObject({ content: text("草稿") });
  });
});
