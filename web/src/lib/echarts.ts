/** The ECharts parts the app uses (tree-shaken); imported lazily by chart components only. */
import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, BoxplotChart, LineChart, ScatterChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
