// What the browser posts to put the drawn charts into the dashboard's .xlsx (POST /api/review/dashboard-charts.xlsx
// ?<the view's query>): per chart its id and the PNG ECharts drew. Only the images come from the browser; the data
// beside them, the titles and which charts exist are rebuilt on the server from the same query (decision 029).
import { z } from "@/lib/validation";

/** A chart drawn at 2× for 1,000 px is ~150–400 kB as PNG; 2 MB leaves room and stops a runaway body early. */
export const MAX_CHART_PNG_BYTES = 2 * 1024 * 1024;
export const MAX_CHART_IMAGES = 16;
/** The whole body: every image at its limit, base64 (4/3) and a little JSON. */
export const MAX_CHART_BODY_BYTES = Math.ceil((MAX_CHART_IMAGES * MAX_CHART_PNG_BYTES * 4) / 3) + 64 * 1024;

const PNG_PREFIX = "data:image/png;base64,";

export const ZChartImages = z.strictObject({
  images: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z]+(-[A-Za-z0-9_]+)?$/, "图表编号不正确"),
        png: z
          .string()
          .startsWith(PNG_PREFIX, "图表图片应为 PNG")
          .max(PNG_PREFIX.length + Math.ceil((MAX_CHART_PNG_BYTES * 4) / 3), "图表图片过大")
          .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, "图表图片不是有效的 PNG"),
      }),
    )
    .max(MAX_CHART_IMAGES, `最多 ${MAX_CHART_IMAGES} 张图表`),
});
export type TChartImages = z.infer<typeof ZChartImages>;

/** The PNG's bytes and its size in pixels (from its IHDR chunk), or null when the bytes are not a PNG. */
export function decodeChartPng(dataUrl: string): { bytes: Uint8Array; width: number; height: number } | null {
  const bin = atob(dataUrl.slice(PNG_PREFIX.length));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 && width <= 16384 && height <= 16384 ? { bytes, width, height } : null;
}
