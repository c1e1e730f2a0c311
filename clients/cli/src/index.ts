export { exportProgressCsv, PROGRESS_COLUMNS, type ProgressExport } from './progress-csv.js';
export { fetchSubmission, SUBMISSION_COLUMNS, submissionCsv, submissionPdf, type SubmissionDocument, type SubmittedContent } from './submission-export.js';
