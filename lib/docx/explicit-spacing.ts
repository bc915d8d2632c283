// docx writes a run's character spacing only when it is truthy, so `characterSpacing: 0` on a style vanishes and
// the style inherits Normal's −5 twips: the title measured 21.76 pt a character instead of 22. This puts the zero
// back into styles.xml for every style that sets it, in its place in CT_RPr (after w:color, before w:sz).
import type { IParagraphStyleOptions } from "docx";

const ZERO = '<w:spacing w:val="0"/>';

export function zeroSpacingStyleIds(styles: readonly IParagraphStyleOptions[]): string[] {
  return styles.filter((s) => s.run?.characterSpacing === 0).map((s) => s.id);
}

/** styles.xml with `<w:spacing w:val="0"/>` in the run properties of each of `ids`; throws if a style is missing. */
export function withZeroSpacing(stylesXml: string, ids: readonly string[]): string {
  let xml = stylesXml;
  for (const id of ids) {
    const start = xml.indexOf(`w:styleId="${id}"`);
    const end = xml.indexOf("</w:style>", start);
    const rPr = xml.indexOf("<w:rPr>", start);
    if (start < 0 || rPr < 0 || rPr > end) throw new Error(`styles.xml: no run properties for style ${id}`);
    const close = xml.indexOf("</w:rPr>", rPr);
    const size = xml.indexOf("<w:sz ", rPr);
    const at = size >= 0 && size < close ? size : close;
    xml = xml.slice(0, at) + ZERO + xml.slice(at);
  }
  return xml;
}
