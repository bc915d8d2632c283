// Setup of the component tests (vitest project "dom", happy-dom): jest-dom's matchers (toBeVisible, toHaveValue…)
// and an unmounted, empty page after each test. Testing Library cleans up by itself only when the test runner's
// globals are on; ours are not.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// happy-dom's default style leaves `display` empty for the inline elements it lists without a rule (span, label, b…),
// and an accessible name then gets a space at each of them ("公办幼儿园 （所）"), unlike in a browser. Give them
// their user-agent value, so roles and names are computed as Chromium computes them for the Playwright specs.
const inline = document.createElement("style");
inline.textContent = "a, abbr, b, bdi, bdo, cite, code, em, i, kbd, label, mark, q, s, small, span, strong, sub, sup, time, u { display: inline; }";
document.head.append(inline);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
