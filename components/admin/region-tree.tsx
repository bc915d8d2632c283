"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/page";
import { DeleteRegionButton, EditRegionForm, type ParentOption } from "@/components/admin/region-forms";
import { regionLevelLabel } from "@/lib/regions/levels";
import { ActionsHeader } from "@/components/ui/table";

export type RegionRow = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  depth: number;
  users: number;
  children: number;
  own: boolean;
};

export function RegionTree({ rows, parents }: { rows: RegionRow[]; parents: ParentOption[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <table className="w-full text-left text-sm" aria-label="行政区划">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 font-normal">名称</th>
          <th className="py-1 font-normal">代码</th>
          <th className="py-1 font-normal">级别</th>
          <th className="py-1 font-normal">账号数</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) =>
          editing === r.code ? (
            <tr key={r.code} className="border-t border-slate-100">
              <td colSpan={5} className="py-2">
                <EditRegionForm
                  region={{ code: r.code, name: r.name, parentCode: r.parentCode ?? "" }}
                  parents={parents.filter((p) => p.level === (r.level === "county" ? "city" : "province"))}
                  onDone={() => setEditing(null)}
                />
              </td>
            </tr>
          ) : (
            <tr key={r.code} className="border-t border-slate-100">
              <td className="py-2" style={{ paddingLeft: `${r.depth * 1.5}rem` }}>
                {r.name}
              </td>
              <td className="py-2 font-mono text-xs text-slate-600">{r.code}</td>
              <td className="py-2">
                <Badge>{regionLevelLabel(r.level)}</Badge>
              </td>
              <td className="py-2">{r.users}</td>
              <td className="py-2 text-right">
                {r.own ? null : (
                  <>
                    <button type="button" className="px-2 text-brand-600 hover:underline" onClick={() => setEditing(r.code)} aria-label={`编辑${r.name}`}>
                      编辑
                    </button>
                    {r.children === 0 && r.users === 0 ? <DeleteRegionButton code={r.code} name={r.name} /> : null}
                  </>
                )}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
