export { exportProgressCsv, PROGRESS_COLUMNS, type ProgressExport } from './progress-csv.js';
