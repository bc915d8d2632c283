// The download name a county clerk recognises in a folder of reports: county, year, kind.

/** "闻喜县-2021-自评报告.docx" (or .pdf). Characters Windows refuses in file names are dropped from the county name. */
export function reportFileName(countyName: string, year: number, extension: "docx" | "pdf" = "docx"): string {
  return `${cleanName(countyName, "报告")}-${year}-自评报告.${extension}`;
}

/** "闻喜县-2021-督导反馈意见书.docx". */
export const feedbackFileName = (countyName: string, year: number): string => `${cleanName(countyName, "县区")}-${year}-督导反馈意见书.docx`;

function cleanName(name: string, fallback: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, "").trim() || fallback;
}
