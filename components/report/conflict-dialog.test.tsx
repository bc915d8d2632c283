// The conflict dialog: both versions side by side, who saved the other one and when (Beijing time), and two buttons
// that do what they say. Nothing is overwritten until the person chooses.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConflictDialog } from "@/components/report/conflict-dialog";
import type { Conflict } from "@/components/report/autosave-machine";
import { emptyContent, type TFigureValues } from "@/lib/report/content";
import { richFromLines } from "@/lib/report/rich-text";
import { sectionsOf } from "@/lib/report/sections";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

const def = sectionsOf(SHANXI_2021_COUNTY).find((s) => s.key === "criterion:evaluation_reform")!;
const narrative = (text: string, values: TFigureValues = {}) => ({ ...emptyContent.narrative(), narrative: richFromLines(text), values });

const conflict: Conflict = {
  mine: narrative("审核员同时写的另一段。", { evaluation_reform_plan_issued: true }),
  theirs: { version: 4, content: narrative("填报员写的评价改革情况。"), updatedBy: "张填报", updatedAt: "2026-03-02T06:00:05.000Z" },
};

function open(c: Conflict = conflict) {
  const onResolve = vi.fn();
  render(<ConflictDialog def={def} conflict={c} onResolve={onResolve} />);
  return { onResolve, dialog: screen.getByRole("dialog") };
}

describe("ConflictDialog", () => {
  it("opens as a modal dialog named for the section and the other author", () => {
    const { dialog } = open();
    expect(dialog).toHaveAccessibleName("“深化新时代教育评价改革情况”已被张填报修改");
    expect(dialog).toHaveAttribute("open");
  });

  it("says who saved the other version and when, in Beijing time", () => {
    const { dialog } = open();
    expect(dialog).toHaveTextContent("您编辑期间，张填报于 2026/03/02 14:00:05 保存了这一部分");
  });

  it("shows both versions as the person reads them, mine marked unsaved, theirs with its version number", () => {
    const { dialog } = open();
    const mine = within(dialog).getByRole("region", { name: "我的版本" });
    expect(within(mine).getByRole("heading", { level: 3 })).toHaveTextContent("我的版本（未保存）");
    expect(mine).toHaveTextContent("审核员同时写的另一段。");
    expect(mine).toHaveTextContent("已出台县级教育评价改革实施方案：是");
    const theirs = within(dialog).getByRole("region", { name: "已保存的版本" });
    expect(within(theirs).getByRole("heading", { level: 3 })).toHaveTextContent("已保存的版本（第 4 版）");
    expect(theirs).toHaveTextContent("填报员写的评价改革情况。");
    expect(theirs).not.toHaveTextContent("审核员同时写的另一段。");
  });

  it("保留我的版本 closes the dialog and chooses mine", async () => {
    const user = userEvent.setup();
    const { dialog, onResolve } = open();
    await user.click(within(dialog).getByRole("button", { name: "保留我的版本" }));
    expect(onResolve).toHaveBeenCalledExactlyOnceWith("mine");
    expect(dialog).not.toHaveAttribute("open");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("采用已保存的版本 closes the dialog and chooses theirs", async () => {
    const user = userEvent.setup();
    const { dialog, onResolve } = open();
    await user.click(within(dialog).getByRole("button", { name: "采用已保存的版本" }));
    expect(onResolve).toHaveBeenCalledExactlyOnceWith("theirs");
    expect(dialog).not.toHaveAttribute("open");
  });

  it("a draft left from an earlier visit names no author and no time", () => {
    const { dialog } = open({ ...conflict, theirs: { ...conflict.theirs, updatedBy: null, updatedAt: "" } });
    expect(dialog).toHaveAccessibleName("“深化新时代教育评价改革情况”已被其他人或其他窗口修改");
    expect(dialog).toHaveTextContent("您编辑期间，其他人或其他窗口保存了这一部分");
  });
});
