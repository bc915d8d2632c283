// The status line above each section: what a person reads about their text, in words, with the time of the last save
// in Beijing time (the e2e specs wait on its data-state; people read its text).
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SaveStatus } from "@/components/report/save-status";
import type { SaveState } from "@/components/report/autosave-machine";

const SAVED_AT = "2026-03-02T06:05:09.000Z"; // 14:05 in Beijing

describe("SaveStatus", () => {
  it("says 已保存 with the time of the save in Beijing time", () => {
    render(<SaveStatus state="saved" message={null} savedAt={SAVED_AT} />);
    expect(screen.getByRole("status")).toHaveTextContent(/^已保存 14:05$/);
  });

  it("says 已保存 without a time before the first save of this visit", () => {
    render(<SaveStatus state="saved" message={null} savedAt={null} />);
    expect(screen.getByRole("status")).toHaveTextContent(/^已保存$/);
  });

  it.each<[SaveState, string]>([
    ["dirty", "有未保存的修改"],
    ["saving", "保存中…"],
    ["offline", "离线"],
    ["conflict", "有冲突，未保存"],
    ["error", "未保存"],
  ])("in state %s says %s and shows no time (the last save is not the text on screen)", (state, label) => {
    render(<SaveStatus state={state} message={null} savedAt={SAVED_AT} />);
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent(new RegExp(`^${label}$`));
    expect(status).not.toHaveTextContent("14:05");
  });

  it("shows the explanation under the state, and announces changes politely", () => {
    render(<SaveStatus state="offline" message="网络已断开，内容已保存在本机，恢复后自动保存" savedAt={null} />);
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("离线网络已断开，内容已保存在本机，恢复后自动保存");
    expect(status).toHaveAttribute("aria-live", "polite");
  });
});
