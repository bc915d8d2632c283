// The download name a county clerk recognises in a folder of reports: county, year, kind.

/** "闻喜县-2021-自评报告.docx" (or .pdf). Characters Windows refuses in file names are dropped from the county name. */
export function reportFileName(countyName: string, year: number, extension: "docx" | "pdf" = "docx"): string {
  const county = countyName.replace(/[\\/:*?"<>|\u0000-\u001F]/g, "").trim() || "报告";
  return `${county}-${year}-自评报告.${extension}`;
}
