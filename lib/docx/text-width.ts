// How wide a text prints, in characters of its own size: the estimate behind the 落款's indents and table widths.

const HALF_WIDTH = /[\x20-\x7e]/;
/**
 * Width in characters: Chinese and full-width marks take one, digits and Latin (Times New Roman) about half, and
 * Word and LibreOffice add about a fifth of a character where Chinese meets digits ("2021年11月10日" ≈ 8).
 */
export function textWidth(text: string): number {
  const chars = [...text];
  return chars.reduce((w, ch, i) => {
    const half = HALF_WIDTH.test(ch);
    const switches = i > 0 && half !== HALF_WIDTH.test(chars[i - 1]);
    return w + (half ? 0.5 : 1) + (switches ? 0.2 : 0);
  }, 0);
}
