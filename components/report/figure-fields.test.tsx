// The figures of a criterion as the clerk types them: each indicator is recomputed at once from the same formulas the
// Word file prints; what is not a number is refused at the field (请输入数字) and never reaches the computed value or
// the autosave; full-width digits and separators from a Chinese input method are accepted. The form is the real
// NarrativeForm of 学前教育普及普惠发展情况, wired to the figures the way the editor wires it (report-editor.tsx); only
// the network is replaced, by a server that accepts every save.
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useMemo, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_DELAY_MS } from "@/components/report/autosave-machine";
import { FigureInput } from "@/components/report/figure-fields";
import { NarrativeForm } from "@/components/report/narrative-form";
import { emptyContent, type SectionContent, type TNarrativeContent } from "@/lib/report/content";
import { reportState, type SectionContents } from "@/lib/report/precheck";
import { sectionsOf } from "@/lib/report/sections";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import type { TInput } from "@/lib/template/schema";

const scheme = SHANXI_2021_COUNTY;
const def = sectionsOf(scheme).find((s) => s.key === "criterion:preschool")!;

/** The editor's wiring of one section: contents → reportState → computed figures → the form. */
function PreschoolSection() {
  const [contents, setContents] = useState<SectionContents>({});
  const computed = useMemo(() => reportState(scheme, contents).computed, [contents]);
  return (
    <NarrativeForm
      reportId="report-1"
      sectionKey={def.key}
      kind={def.kind}
      version={1}
      content={emptyContent.narrative()}
      readOnly={false}
      onChange={(key: string, content: SectionContent) => setContents((c) => ({ ...c, [key]: content }))}
      onSaved={() => {}}
      def={def}
      scheme={scheme}
      computed={computed}
      findings={[]}
      review={{ reportId: "report-1", canReview: false, onReviews: () => {} }}
      evidence={null}
    />
  );
}

/** The row of the computed indicator `label` in 计算结果. */
function indicator(label: string) {
  const rows = within(screen.getByRole("list", { name: "计算结果" })).getAllByRole("listitem");
  const row = rows.find((r) => r.firstElementChild?.textContent === label);
  if (!row) throw new Error(`no indicator ${label}`);
  return row;
}

const field = (name: string) => screen.getByRole("textbox", { name });

/** Replaces the whole text of a field in one input event, as pasting a figure from a spreadsheet does. */
async function replaceText(user: ReturnType<typeof userEvent.setup>, input: HTMLInputElement, text: string) {
  await user.click(input);
  input.setSelectionRange(0, input.value.length);
  await user.paste(text);
}

let saves: { baseVersion: number; content: TNarrativeContent }[];

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  saves = [];
  let version = 1;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      saves.push(JSON.parse(String(init.body)));
      return Response.json({ ok: true, version: ++version, savedAt: "2026-03-02T06:05:09.000Z", completeness: 10 });
    }),
  );
});

afterEach(() => {
  // Unmount first: leaving a section sends what is pending, and that must reach this test's server, not the network.
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const setup = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime, delay: null });

describe("figures of a criterion", () => {
  it("computes 学前三年毛入园率 and 公办园在园幼儿占比 as the figures are typed, and says whether each target is met", async () => {
    const user = setup();
    render(<PreschoolSection />);
    expect(indicator("学前三年毛入园率")).toHaveTextContent("未填写");

    await user.type(field("学前三年适龄人口（人）"), "10755");
    await user.type(field("在园幼儿数（不含托班）（人）"), "10736");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("99.82%");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("目标 ≥ 90%");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("达标");

    await user.type(field("在园幼儿数（含托班）（人）"), "12149");
    await user.type(field("公办园在园幼儿（人）"), "6776");
    expect(indicator("公办园在园幼儿占比")).toHaveTextContent("55.77%");
    expect(indicator("公办园在园幼儿占比")).toHaveTextContent("达标");

    // Fewer children enrolled: the rate drops below the target at once.
    await replaceText(user, field("在园幼儿数（不含托班）（人）") as HTMLInputElement, "9000");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("83.68%");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("未达标");
  });

  it("refuses 18a4 at the field with 请输入数字: the figure counts as missing and nothing of it is saved, typed at once or key by key", async () => {
    const user = setup();
    render(<PreschoolSection />);
    await user.type(field("在园幼儿数（不含托班）（人）"), "10736");
    const population = field("学前三年适龄人口（人）") as HTMLInputElement;
    await user.type(population, "10755");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("99.82%");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saves).toHaveLength(1);
    expect(saves[0].content.values).toEqual({ preschool_enrolled: 10736, preschool_age_population: 10755 });

    await replaceText(user, population, "18a4");
    expect(population).toHaveValue("18a4"); // what the clerk typed stays in the box, to correct
    expect(population).toBeInvalid();
    expect(population).toHaveAccessibleDescription("请输入数字");
    expect(screen.getByRole("alert")).toHaveTextContent("请输入数字");
    // The preview does not pass off another number for it (issue 14: it silently took 18).
    expect(indicator("学前三年毛入园率")).not.toHaveTextContent("99.82%");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("缺少数据");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saves).toHaveLength(1);

    // Typed key by key, "18" is valid on the way to "18a4": it must not go out either.
    await user.clear(population);
    await user.type(population, "18a4");
    expect(indicator("学前三年毛入园率")).toHaveTextContent("缺少数据");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saves.map((s) => s.content.values.preschool_age_population)).not.toContain(18);

    // Corrected: the message goes, the figure counts again and is saved.
    await replaceText(user, population, "11000");
    expect(population).toBeValid();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(indicator("学前三年毛入园率")).toHaveTextContent("97.6%");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saves.at(-1)!.content.values).toEqual({ preschool_enrolled: 10736, preschool_age_population: 11000 });
  });

  it("accepts full-width digits and separators as a Chinese input method types them", async () => {
    const user = setup();
    render(<PreschoolSection />);
    await replaceText(user, field("学前三年适龄人口（人）") as HTMLInputElement, "１０，７５５");
    await replaceText(user, field("在园幼儿数（不含托班）（人）") as HTMLInputElement, "１０７３６");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(indicator("学前三年毛入园率")).toHaveTextContent("99.82%");

    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    expect(saves.at(-1)!.content.values).toEqual({ preschool_age_population: 10755, preschool_enrolled: 10736 });
  });
});

describe("FigureInput", () => {
  const inputOf = (section: string, key: string): TInput => sectionsOf(scheme).find((s) => s.key === section)!.inputs.find((i) => i.key === key)!;
  const integer = inputOf("criterion:preschool", "public_kindergartens");

  it("passes on numbers only, with the field's own rules (no negatives, whole numbers for a count)", async () => {
    const user = setup();
    const onValue = vi.fn();
    render(<FigureInput id="f" input={integer} value={null} readOnly={false} onValue={onValue} />);
    const box = screen.getByRole("textbox", { name: "公办幼儿园（所）" });
    await replaceText(user, box as HTMLInputElement, "五十六");
    expect(screen.getByRole("alert")).toHaveTextContent("请输入数字");
    await replaceText(user, box as HTMLInputElement, "-3");
    expect(screen.getByRole("alert")).toHaveTextContent("不能为负数");
    await replaceText(user, box as HTMLInputElement, "5.5");
    expect(screen.getByRole("alert")).toHaveTextContent("应为整数");
    // What it cannot read goes to the form as the text typed (which no section schema accepts), never as a number.
    expect(onValue.mock.calls).toEqual([["五十六"], ["-3"], ["5.5"]]);
    onValue.mockClear();
    await replaceText(user, box as HTMLInputElement, "56");
    expect(onValue).toHaveBeenCalledExactlyOnceWith(56);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the server's message for a figure it refused", () => {
    render(<FigureInput id="f" input={integer} value={3} readOnly={false} serverError="不能大于 100所" onValue={() => {}} />);
    expect(screen.getByRole("textbox", { name: "公办幼儿园（所）" })).toHaveAccessibleDescription("不能大于 100所");
  });

  it("a yes/no figure is two radio buttons and a 清除 button", async () => {
    const user = setup();
    const onValue = vi.fn();
    const yesNo = inputOf("criterion:evaluation_reform", "evaluation_reform_plan_issued");
    const { rerender } = render(<FigureInput id="b" input={yesNo} value={null} readOnly={false} onValue={onValue} />);
    const group = screen.getByRole("group", { name: "已出台县级教育评价改革实施方案" });
    expect(within(group).queryByRole("button", { name: "清除" })).not.toBeInTheDocument();
    await user.click(within(group).getByRole("radio", { name: "是" }));
    expect(onValue).toHaveBeenLastCalledWith(true);
    rerender(<FigureInput id="b" input={yesNo} value={true} readOnly={false} onValue={onValue} />);
    expect(within(group).getByRole("radio", { name: "是" })).toBeChecked();
    await user.click(within(group).getByRole("button", { name: "清除" }));
    expect(onValue).toHaveBeenLastCalledWith(null);
  });

  it("read-only: the figure is shown and typing changes nothing", async () => {
    const user = setup();
    const onValue = vi.fn();
    render(<FigureInput id="f" input={integer} value={56} readOnly onValue={onValue} />);
    const box = screen.getByRole("textbox", { name: "公办幼儿园（所）" });
    await user.type(box, "7");
    expect(box).toHaveValue("56");
    expect(onValue).not.toHaveBeenCalled();
  });
});
