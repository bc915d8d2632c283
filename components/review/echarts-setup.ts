// The part of ECharts the dashboard uses, registered once: bar charts with grid, tooltip, legend, target lines and the
// slider for long county axes, drawn on canvas (getDataURL gives the PNG the export needs). Imported only through a
// dynamic import() in dashboard-charts.tsx, so it is a chunk of its own and not in the page's first-load JS.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// echarts.use is ECharts' registry, not React's use().
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomInsideComponent, DataZoomSliderComponent, CanvasRenderer]);

export const init = echarts.init;
