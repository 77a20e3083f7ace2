/** The ECharts parts the app uses (tree-shaken); imported lazily by chart components only. */
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, ScatterChart, GridComponent, SVGRenderer]);

export { init };
