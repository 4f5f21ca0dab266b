// The ECharts of the default theme: the charts budgetpress draws (pie,
// treemap, sunburst, bar), the components their options use (aria, grid,
// legend, tooltip), the canvas renderer and the Chinese locale (English
// is built in). Exposed as window.echarts, as the full build is, for
// layouts/assets/charts.js. A chart or component added to the options in
// internal/chart must be added here too: TestBundleDrawsEveryOption in
// internal/browsertest draws every option of the example site.
import * as echarts from "echarts/core";
import { BarChart, PieChart, SunburstChart, TreemapChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import langZH from "echarts/lib/i18n/langZH.js";

echarts.use([
  BarChart, PieChart, SunburstChart, TreemapChart,
  AriaComponent, GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer,
]);
echarts.registerLocale("ZH", langZH);

window.echarts = echarts;
