// The ECharts of the default theme: the charts budgetpress draws (pie,
// treemap, bar), the components their options use (aria, grid, legend,
// tooltip, and the toolbox with only its "save as image" and "view data"
// features: ECharts' own ToolboxComponent would also bring magic type,
// restore and data zoom, about 14 kB with gzip), the canvas renderer and
// the Chinese locale (English is built in). Exposed as window.echarts, as
// the full build is, for layouts/assets/charts.js. A chart or component
// added to the options in internal/chart must be added here too: the
// browser tests in internal/browsertest draw every option of the example
// site and fail on a console error.
import * as echarts from "echarts/core";
import { BarChart, PieChart, TreemapChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import langZH from "echarts/lib/i18n/langZH.js";
import ToolboxModel from "echarts/lib/component/toolbox/ToolboxModel.js";
import ToolboxView from "echarts/lib/component/toolbox/ToolboxView.js";
import { registerFeature } from "echarts/lib/component/toolbox/featureManager.js";
import SaveAsImage from "echarts/lib/component/toolbox/feature/SaveAsImage.js";
import DataView from "echarts/lib/component/toolbox/feature/DataView.js";

// ToolboxComponent is the toolbox with two of its features.
function ToolboxComponent(registers) {
  registers.registerComponentModel(ToolboxModel);
  registers.registerComponentView(ToolboxView);
  registerFeature("saveAsImage", SaveAsImage);
  registerFeature("dataView", DataView);
}

echarts.use([
  BarChart, PieChart, TreemapChart,
  AriaComponent, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent,
  CanvasRenderer,
]);
echarts.registerLocale("ZH", langZH);

window.echarts = echarts;
