import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/*
 * Only the Chart.js parts the sidebar draws with: bars (trends, funnel, breakdowns), a line (the
 * quota over the won revenue), two scales, the legend and tooltips. Registering just these keeps
 * the lazily loaded chunk small; this module is imported only after the numbers are on screen.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
