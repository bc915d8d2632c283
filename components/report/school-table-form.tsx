"use client";
// Section of kind "schoolTable": the per-school table (typed or imported), autosaved like any section, with each
// school's indicators and the 差异系数 recomputed live. An import replaces the whole table on the server; the form
// is then remounted on the saved version, so the autosave continues from it instead of raising a conflict.
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { draftKey } from "@/components/report/autosave-machine";
import { SectionFrame } from "@/components/report/section-frame";
import { SchoolTableImport, type ImportedTable } from "@/components/report/school-table-import";
import { SchoolTableResults } from "@/components/report/school-table-results";
import { SchoolTableRows } from "@/components/report/school-table-rows";
import { useSectionForm, type SectionFormProps } from "@/components/report/use-section-form";
import type { TSchoolTableContent } from "@/lib/report/content";
import type { SectionDef } from "@/lib/report/sections";
import type { SchoolTableResult, TSchoolRow } from "@/lib/schools";
import type { TSchoolTable } from "@/lib/template/school-table";
import { formatDateTime } from "@/lib/dates";

type Props = SectionFormProps & { def: SectionDef; result: SchoolTableResult | undefined };

export function SchoolTableForm(props: Props) {
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const { reportId, sectionKey, onSaved } = props;
  const onImported = (t: ImportedTable) => {
    window.localStorage.removeItem(draftKey(reportId, sectionKey));
    onSaved(sectionKey, t.version, t.content, t.completeness);
    setNotice(t.notice);
    setGeneration((g) => g + 1);
  };
  return <SchoolTableEditor key={generation} {...props} notice={notice} onImported={onImported} />;
}

const emptyRow = (table: TSchoolTable, type: string, stage: string): TSchoolRow => ({
  name: "",
  type,
  stage,
  values: Object.fromEntries(table.columns.map((c) => [c.key, null])),
});

function SchoolTableEditor(props: Props & { notice: string | null; onImported: (t: ImportedTable) => void }) {
  const { form, autosave, live } = useSectionForm<TSchoolTableContent>(props);
  const rows = useFieldArray({ control: form.control, name: "rows", keyName: "_key" });
  const { def, readOnly } = props;
  const table = def.table!;
  const source = (props.content as TSchoolTableContent).source;
  const multiStage = table.schoolTypes.filter((t) => t.stages.length > 1);
  const single = table.schoolTypes.find((t) => t.stages.length === 1) ?? table.schoolTypes[0];

  return (
    <SectionFrame def={def} autosave={autosave} live={live} readOnly={readOnly}>
      <div className="space-y-5">
        {!readOnly ? <SchoolTableImport reportId={props.reportId} tableKey={table.key} hasRows={rows.fields.length > 0} notice={props.notice} onImported={props.onImported} /> : null}
        {source ? (
          <p className="text-xs text-slate-500">
            最近一次导入：{source.fileName}（{source.rowCount} 行，{formatDateTime(source.importedAt, "datetime-seconds")}）
          </p>
        ) : null}
        <SchoolTableRows table={table} form={form} rows={rows} result={props.result} readOnly={readOnly} />
        {!readOnly ? (
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => rows.append(emptyRow(table, single.key, single.stages[0]))}>
              添加一行
            </Button>
            {multiStage.map((t) => (
              <Button key={t.key} type="button" variant="secondary" onClick={() => rows.append(t.stages.map((s) => emptyRow(table, t.key, s)))}>
                添加{t.label}学校（{t.stages.length} 行）
              </Button>
            ))}
          </div>
        ) : null}
        {props.result ? <SchoolTableResults result={props.result} /> : null}
      </div>
    </SectionFrame>
  );
}
