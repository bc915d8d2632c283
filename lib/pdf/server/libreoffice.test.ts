import { describe, expect, it } from "vitest";
import { probeRenderer } from "@/lib/pdf/server/libreoffice";

describe("LibreOffice detection", () => {
  it("reports a missing program in Chinese instead of failing", () => {
    expect(probeRenderer("/nonexistent/soffice")).toEqual({ available: false, reason: "未找到 /nonexistent/soffice（未安装 LibreOffice）" });
  });

  it("does not take another program for LibreOffice", () => {
    expect(probeRenderer("true")).toMatchObject({ available: false });
  });
});
