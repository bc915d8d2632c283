// Built-in schemes. Adding a province or a year means adding data here, never changing the engine.
import type { TScheme } from "@/lib/template/schema";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

export const BUILTIN_SCHEMES: readonly TScheme[] = [SHANXI_2021_COUNTY];
