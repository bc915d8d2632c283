import type { CSSProperties } from "react";
import type { Block, ReportViewModel } from "@/lib/docx/types";

// The same view model as the Word file, laid out with the same measures: A4, margins 37/26/35/28 mm, 3号 (16 pt)
// 仿宋 on a 28.95 pt line, 2号 title, 一、黑体 /（一）楷体 / 1. 仿宋, two-character first-line indent. Close enough
// to proof-read page by page before downloading; the browser's own print uses the same page size and margins.
const FANGSONG = '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif';
const page: CSSProperties = {
  width: "210mm",
  minHeight: "297mm",
  padding: "37mm 26mm 35mm 28mm",
  fontFamily: FANGSONG,
  fontSize: "16pt",
  lineHeight: "28.95pt",
  color: "#000",
  background: "#fff",
};
const HEADING_FONT = {
  1: '"SimHei", "黑体", "Noto Sans CJK SC", sans-serif',
  2: '"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC", serif',
  3: FANGSONG,
  4: FANGSONG,
} as const;

function BlockView({ block }: { block: Block }) {
  if (block.kind === "heading") {
    return <p style={{ textIndent: "2em", fontFamily: HEADING_FONT[block.level], margin: 0 }}>{block.text}</p>;
  }
  return (
    <p style={{ textIndent: "2em", margin: 0, textAlign: "justify" }}>
      {block.runs ? block.runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>)) : block.text}
    </p>
  );
}

const cell: CSSProperties = { border: "1px solid #000", padding: "2pt 4pt", fontSize: "12pt", lineHeight: "18pt", verticalAlign: "top" };

export function PrintPreview({ vm }: { vm: ReportViewModel }) {
  const { indicators, problems } = vm.annexes;
  return (
    <div className="print-preview space-y-6">
      <style>{`@page { size: A4; margin: 0 } @media print { header, nav, .no-print { display: none !important } .print-preview { gap: 0 } .sheet { box-shadow: none !important; break-after: page } }`}</style>
      <section className="sheet mx-auto shadow-md" style={page} aria-label="正文">
        <div style={{ fontFamily: '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif', fontSize: "22pt", lineHeight: "35pt", textAlign: "center", marginBottom: "28.95pt" }}>
          {vm.titleLines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
        {vm.recipient ? <p style={{ margin: 0 }}>{vm.recipient}</p> : null}
        {vm.preamble.map((p, i) => (
          <p key={i} style={{ textIndent: "2em", margin: 0 }}>
            {p}
          </p>
        ))}
        {vm.parts.map((part) => (
          <div key={part.heading}>
            <p style={{ textIndent: "2em", fontFamily: HEADING_FONT[1], margin: 0 }}>{part.heading}</p>
            {part.blocks.map((b, i) => (
              <BlockView key={i} block={b} />
            ))}
          </div>
        ))}
        <div style={{ marginTop: "28.95pt", textAlign: "right", paddingRight: "4em" }}>
          <div>{vm.signature.issuer}</div>
          <div>{vm.signature.date}</div>
        </div>
      </section>
      <section className="sheet mx-auto shadow-md" style={page} aria-label={indicators.label}>
        <p style={{ fontFamily: HEADING_FONT[1], margin: 0 }}>{indicators.label}</p>
        <p style={{ textAlign: "center", fontFamily: '"方正小标宋简体", "Noto Serif CJK SC", serif', margin: "28.95pt 0" }}>{indicators.title}</p>
        <table style={{ borderCollapse: "collapse", width: "100%" }}>
          <thead>
            <tr>
              {["评价重点", "指标", "数值", "目标", "结果"].map((h) => (
                <th key={h} style={{ ...cell, fontFamily: HEADING_FONT[1] }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.rows.map((r, i) => (
              <tr key={i}>
                <td style={cell}>{r.criterion}</td>
                <td style={cell}>{r.indicator}</td>
                <td style={{ ...cell, textAlign: "right" }}>{r.value}</td>
                <td style={cell}>{r.target}</td>
                <td style={{ ...cell, color: r.status === "未达标" ? "#b91c1c" : undefined }}>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(indicators.notes ?? []).map((n, i) => (
          <p key={i} style={{ fontSize: "12pt", lineHeight: "18pt", margin: i === 0 ? "6pt 0 0" : 0 }}>
            {n}
          </p>
        ))}
      </section>
      <section className="sheet mx-auto shadow-md" style={{ ...page, width: "297mm", minHeight: "210mm", padding: "28mm 37mm 26mm 35mm" }} aria-label={problems.label}>
        <p style={{ fontFamily: HEADING_FONT[1], margin: 0 }}>{problems.label}</p>
        <p style={{ textAlign: "center", fontFamily: '"方正小标宋简体", "Noto Serif CJK SC", serif', margin: "28.95pt 0" }}>{problems.title}</p>
        <table style={{ borderCollapse: "collapse", width: "100%" }}>
          <thead>
            <tr>
              {["序号", "问题", "整改措施", "牵头单位", "责任人", "完成时限", "状态"].map((h) => (
                <th key={h} style={{ ...cell, fontFamily: HEADING_FONT[1] }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {problems.rows.flatMap((p) =>
              (p.measures.length ? p.measures : [{ text: "", leadUnit: "", owner: "", deadline: "", status: "" }]).map((m, j) => (
                <tr key={`${p.no}-${j}`}>
                  {j === 0 ? (
                    <>
                      <td style={cell} rowSpan={Math.max(1, p.measures.length)}>
                        {p.no}
                      </td>
                      <td style={cell} rowSpan={Math.max(1, p.measures.length)}>
                        {p.problem}
                      </td>
                    </>
                  ) : null}
                  <td style={cell}>{m.text}</td>
                  <td style={cell}>{m.leadUnit}</td>
                  <td style={cell}>{m.owner}</td>
                  <td style={cell}>{m.deadline}</td>
                  <td style={cell}>{m.status}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </div>
  );
}
