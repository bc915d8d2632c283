// Built-in schemes. Adding a province or a year means adding data here, never changing the engine.
import type { TScheme } from "@/lib/template/schema";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { QUALITY_BALANCE_2017_COUNTY } from "@/lib/template/schemes/quality-balance-2017";
import { PRESCHOOL_2020_COUNTY } from "@/lib/template/schemes/preschool-2020";
import { COUNTY_DUTY_2023_SCORED } from "@/lib/template/schemes/county-duty-2023-scored";

export const BUILTIN_SCHEMES: readonly TScheme[] = [SHANXI_2021_COUNTY, QUALITY_BALANCE_2017_COUNTY, PRESCHOOL_2020_COUNTY, COUNTY_DUTY_2023_SCORED];
