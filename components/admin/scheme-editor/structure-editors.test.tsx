// The structure forms' own logic, on a real form holding a copy of a shipped scheme: a part's kind brings its usual
// heading (and takes a 基本情况 part's empty figure lists away), a group keeps its items in the scheme's order, a
// veto's grade goes when its effect no longer uses one, a table is placed under exactly one item, and what each
// form writes is a scheme the universal validator accepts.
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, type ReactNode } from "react";
import { FormProvider, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { errorsByField } from "@/components/admin/scheme-editor/errors";
import { GroupsEditor } from "@/components/admin/scheme-editor/groups-editor";
import { PartsEditor } from "@/components/admin/scheme-editor/parts-editor";
import { TablesEditor } from "@/components/admin/scheme-editor/table-editor";
import { VetoesEditor } from "@/components/admin/scheme-editor/vetoes-editor";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { validateScheme } from "@/lib/template/validate-scheme";

type Definition = Record<string, unknown>;
let form: UseFormReturn<Definition>;
const current = () => JSON.parse(JSON.stringify(form.getValues())) as Definition & { criteria: { code: string; table?: string }[] };

/** The editor's wiring: one form, errors from the validator on every change. */
function Harness({ definition, children }: { definition: Definition; children: (errors: ReturnType<typeof errorsByField>, values: Definition) => ReactNode }) {
  const own = useForm<Definition>({ defaultValues: structuredClone(definition) });
  useEffect(() => {
    form = own;
  }, [own]);
  const values = useWatch({ control: own.control }) as Definition;
  const result = validateScheme(JSON.parse(JSON.stringify(values)));
  return <FormProvider {...own}>{children(errorsByField(result.ok ? [] : result.errors), values)}</FormProvider>;
}

afterEach(cleanup);

/** Folded sections and cards render nothing inside: open them as a person would, by their summary. */
async function unfold(user: ReturnType<typeof userEvent.setup>, root: HTMLElement = document.body) {
  await user.click(root.querySelector("summary")!);
}

describe("parts", () => {
  it("a new part takes its kind's heading, and changing the kind changes an untouched heading", async () => {
    const user = userEvent.setup();
    render(<Harness definition={SHANXI_2021_COUNTY as unknown as Definition}>{(errors) => <PartsEditor errors={errors} figures={[]} readOnly={false} />}</Harness>);
    await unfold(user);
    await user.click(screen.getByRole("button", { name: "添加部分" }));
    const n = SHANXI_2021_COUNTY.parts.length;
    const part = within(screen.getByTestId(`part-${n}`));
    expect(part.getByLabelText("部分标题")).toHaveValue("下一步工作打算");
    await user.selectOptions(part.getByLabelText("部分类型"), "rectification");
    expect(part.getByLabelText("部分标题")).toHaveValue("上年问题整改情况");
    await user.clear(part.getByLabelText("部分标题"));
    await user.type(part.getByLabelText("部分标题"), "上一轮督导反馈问题整改情况");
    await user.selectOptions(part.getByLabelText("部分类型"), "selfScore");
    expect(part.getByLabelText("部分标题")).toHaveValue("上一轮督导反馈问题整改情况");
    // The new key is the kind's own name, numbered when taken.
    expect(part.getByLabelText("部分代号")).toHaveValue("nextsteps");
  });

  it("a 基本情况 part with figures keeps its kind; one without them loses the empty lists when it becomes another kind", async () => {
    const user = userEvent.setup();
    render(<Harness definition={SHANXI_2021_COUNTY as unknown as Definition}>{(errors) => <PartsEditor errors={errors} figures={[]} readOnly={false} />}</Harness>);
    await unfold(user);
    expect(within(screen.getByTestId("part-0")).getByLabelText("部分类型")).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "添加部分" }));
    const n = SHANXI_2021_COUNTY.parts.length;
    const part = within(screen.getByTestId(`part-${n}`));
    await user.selectOptions(part.getByLabelText("部分类型"), "profile");
    expect((current().parts as Record<string, unknown>[])[n]).toMatchObject({ kind: "profile", inputs: [], indicators: [] });
    await user.selectOptions(part.getByLabelText("部分类型"), "problems");
    expect(Object.keys((current().parts as Record<string, unknown>[])[n]).sort()).toEqual(["key", "kind", "title"]);
  });
});

describe("groups", () => {
  it("a group's items follow the scheme's order whatever order they are ticked in; an item in no group is an error", async () => {
    const user = userEvent.setup();
    const criteria = SHANXI_2021_COUNTY.criteria;
    render(<Harness definition={{ ...SHANXI_2021_COUNTY, numbering: "grouped" } as unknown as Definition}>{(errors) => <GroupsEditor errors={errors} criteria={criteria} readOnly={false} />}</Harness>);
    await unfold(user);
    await user.click(screen.getByRole("button", { name: "添加分组" }));
    const boxes = within(screen.getByTestId("group-0")).getAllByRole("checkbox");
    await user.click(boxes[2]);
    await user.click(boxes[0]);
    expect((current().groups as { criteria: string[] }[])[0].criteria).toEqual([criteria[0].code, criteria[2].code]);
    await user.click(boxes[2]);
    expect((current().groups as { criteria: string[] }[])[0].criteria).toEqual([criteria[0].code]);
    const result = validateScheme(current());
    expect(result.ok).toBe(false);
  });
});

describe("vetoes", () => {
  it("a grade is asked for only by the effects that use one, and dropped when the effect changes", async () => {
    const user = userEvent.setup();
    const scored = { ...SHANXI_2021_COUNTY, scoring: { total: 120, basis: "whenDeducted", grades: [{ key: "good", label: "良好", min: 90 }, { key: "pass", label: "合格" }] } };
    render(<Harness definition={scored as unknown as Definition}>{(errors) => <VetoesEditor errors={errors} readOnly={false} />}</Harness>);
    await unfold(user);
    await user.click(screen.getByRole("button", { name: "添加否决事项" }));
    const veto = within(screen.getByTestId("veto-0"));
    expect(veto.queryByLabelText("指定等次")).toBeNull();
    await user.selectOptions(veto.getByLabelText("触发后"), "capGrade");
    await user.selectOptions(veto.getByLabelText("指定等次"), "pass");
    expect((current().vetoes as Record<string, unknown>[])[0]).toMatchObject({ effect: "capGrade", grade: "pass" });
    await user.selectOptions(veto.getByLabelText("触发后"), "block");
    expect(veto.queryByLabelText("指定等次")).toBeNull();
    expect((current().vetoes as Record<string, unknown>[])[0].grade).toBeUndefined();
    // An empty source is absent, not "" (which the scheme would refuse).
    await user.type(veto.getByLabelText("依据文件"), "  ");
    expect("source" in (current().vetoes as Record<string, unknown>[])[0]).toBe(false);
  });
});

describe("tables", () => {
  it("placing a table under another item moves it there, so it stays under exactly one", async () => {
    const user = userEvent.setup();
    const scheme = QUALITY_BALANCE_2017_COUNTY;
    const from = scheme.criteria.findIndex((c) => c.table === "school_resources");
    const to = from === 0 ? 1 : 0;
    render(<Harness definition={scheme as unknown as Definition}>{(errors, values) => <TablesEditor errors={errors} criteria={(values.criteria ?? []) as never} readOnly={false} />}</Harness>);
    await unfold(user);
    await unfold(user, screen.getByTestId("table-0"));
    const table = within(screen.getByTestId("table-0"));
    expect(table.getByLabelText("放在评价重点")).toHaveValue(String(from));
    await user.selectOptions(table.getByLabelText("放在评价重点"), String(to));
    const placed = current().criteria.flatMap((c, i) => (c.table ? [i] : []));
    expect(placed).toEqual([to]);
    const check = validateScheme(current());
    expect(check.ok ? [] : check.errors).toEqual([]);
  });

  it("a standard typed per 学段 lands in the indicator's standards by stage key", async () => {
    const user = userEvent.setup();
    render(<Harness definition={QUALITY_BALANCE_2017_COUNTY as unknown as Definition}>{(errors, values) => <TablesEditor errors={errors} criteria={(values.criteria ?? []) as never} readOnly={false} />}</Harness>);
    await unfold(user);
    await unfold(user, screen.getByTestId("table-0"));
    const indicator = within(screen.getByTestId("table-0-indicator-0"));
    await user.clear(indicator.getByLabelText("初中标准值"));
    await user.type(indicator.getByLabelText("初中标准值"), "5.6");
    const tables = current().tables as { indicators: { standards: Record<string, number> }[] }[];
    expect(tables[0].indicators[0].standards).toEqual({ primary: QUALITY_BALANCE_2017_COUNTY.tables[0].indicators[0].standards.primary, junior: 5.6 });
    const check = validateScheme(current());
    expect(check.ok ? [] : check.errors).toEqual([]);
  });
});
