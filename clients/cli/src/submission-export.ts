import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { SubmissionExportDocument, type AlignmentFramework, type HubClient } from '@wps/sdk';
import { toCsv, type CsvCell } from '@wps/kit/dist/csv.js';

/** The submitted content as the member returned it (canonical JSON, parsed): see subgraphs/nap/src/submission/submission-content.ts. */
export interface SubmittedContent {
  format: string;
  countryCode: string;
  frameworkCode: string;
  year: number;
  version: number;
  plan: { iteration: number; title: string; periodStart: number | null; periodEnd: number | null };
  indicators: {
    code: string;
    answered: boolean;
    explanation: string | null;
    national: {
      code: string;
      title: string;
      unit: string;
      baseline: { value: number | null; year: number | null };
      target: { value: number | null; year: number | null };
      isDemo: boolean;
      measurements: { period: string; value: number | null; version: number; disaggregations: { dimension: string; category: string; value: number | null }[]; narrative: string | null; source: string | null; isDemo: boolean }[];
    }[];
  }[];
  budget: { description: string; partner: string | null; currency: string; allocated: number; disbursed: number; spent: number; fundingSource: string; isDemo: boolean }[];
  reports: { kind: string; title: string; periodStart: number; periodEnd: number; findings: string[]; isDemo: boolean; recommendations: { text: string; decision: string | null; decidedOn: string | null }[] }[];
  isDemo: boolean;
}

export interface SubmissionDocument {
  content: SubmittedContent;
  /** sha256 of the canonical JSON as the member holds it. */
  contentHash: string;
  submittedAt: string | null;
}

/** Read a member's submitted submission through the gateway (public once submitted); the hash is checked against the text. */
export async function fetchSubmission(client: HubClient, countryCode: string, frameworkCode: AlignmentFramework, year: number): Promise<SubmissionDocument> {
  const result = await client.execute(SubmissionExportDocument, { countryCode, frameworkCode, year });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`).join('; '));
  const cycle = result.data?.submission?.cycle;
  if (!cycle?.submittedContent || !cycle.submittedContentHash) throw new Error(`${countryCode} has no submitted ${frameworkCode} submission for ${year}.`);
  const hash = createHash('sha256').update(cycle.submittedContent, 'utf8').digest('hex');
  if (hash !== cycle.submittedContentHash) throw new Error(`the content ${countryCode} returned does not hash to the hash it states (${cycle.submittedContentHash})`);
  return { content: JSON.parse(cycle.submittedContent) as SubmittedContent, contentHash: hash, submittedAt: result.data?.submission?.submittedAt ?? null };
}

export const SUBMISSION_COLUMNS = [
  'country', 'framework', 'year', 'version', 'framework_indicator', 'answered', 'explanation', 'national_indicator', 'national_indicator_title', 'unit',
  'period', 'value', 'disaggregation', 'narrative', 'source', 'demo',
] as const;

/** The submission as CSV: one line per value (and per disaggregated value), explained gaps with their explanation. */
export function submissionCsv(document: SubmissionDocument): string {
  const { content } = document;
  const head = [content.countryCode, content.frameworkCode, content.year, content.version];
  const rows: CsvCell[][] = [[...SUBMISSION_COLUMNS]];
  for (const indicator of content.indicators) {
    const values = indicator.national.flatMap((national) => national.measurements.map((measurement) => ({ national, measurement })));
    if (values.length === 0) rows.push([...head, indicator.code, indicator.answered, indicator.explanation, null, null, null, null, null, null, null, null, null]);
    for (const { national, measurement } of values) {
      const base = [...head, indicator.code, indicator.answered, null, national.code, national.title, national.unit, measurement.period];
      rows.push([...base, measurement.value, null, measurement.narrative, measurement.source, measurement.isDemo || national.isDemo]);
      for (const part of measurement.disaggregations) rows.push([...base, part.value, `${part.dimension}=${part.category}`, null, null, measurement.isDemo || national.isDemo]);
    }
  }
  return toCsv(rows);
}

/** The standard fonts write WinAnsi only: anything else becomes "?" (names and titles keep their Latin letters). */
const printable = (text: string): string =>
  text.replace(/[‐-―]/g, '-').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

const formatNumber = (value: number | null): string => (value === null ? '-' : Number.isInteger(value) ? String(value) : value.toFixed(2));

/** A simple flowing page writer: lines wrap to the width and pages break. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.pdf.addPage([595.28, 841.89]);
    this.y = 800;
  }

  line(text: string, options: { size?: number; bold?: boolean; indent?: number; colour?: [number, number, number] } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const left = 50 + (options.indent ?? 0);
    const width = 545 - left;
    const words = printable(text).split(/\s+/);
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    for (const text of lines) {
      if (this.y < 50) this.newPage();
      this.page.drawText(text, { x: left, y: this.y, size, font, color: rgb(...(options.colour ?? [0, 0, 0])) });
      this.y -= size + 4;
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }
}

/** The submission as a PDF a ministry can file: the cycle, the plan, every required indicator with its values or explanation, budget execution, reports and decisions, and the content hash. */
export async function submissionPdf(document: SubmissionDocument): Promise<Uint8Array> {
  const { content } = document;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${content.countryCode} ${content.frameworkCode} submission ${content.year} (version ${content.version})`);
  pdf.setCreator('WPS Federation Hub');
  const writer = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  writer.line(`Submission to ${content.frameworkCode}: reporting year ${content.year}`, { size: 16, bold: true });
  writer.line(`Member state: ${content.countryCode}. Version ${content.version}${document.submittedAt ? `, submitted ${document.submittedAt}` : ''}.`);
  writer.line(`Plan: ${content.plan.title} (iteration ${content.plan.iteration}, ${content.plan.periodStart ?? '?'}-${content.plan.periodEnd ?? '?'}).`);
  writer.line(`Content hash (sha256 of the canonical JSON): ${document.contentHash}`, { size: 8 });
  if (content.isDemo) writer.line('DEMO DATA: values in this submission were generated for the demo network; they are not the state\'s official figures.', { bold: true, colour: [0.7, 0, 0] });
  writer.gap();
  writer.line('Framework indicators', { size: 13, bold: true });
  for (const indicator of content.indicators) {
    writer.gap(4);
    writer.line(`${indicator.code}: ${indicator.answered ? 'answered' : indicator.explanation ? 'explained' : 'missing'}`, { bold: true });
    if (indicator.explanation) writer.line(`Explanation: ${indicator.explanation}`, { indent: 12 });
    for (const national of indicator.national) {
      writer.line(`${national.code} ${national.title} (${national.unit}); baseline ${formatNumber(national.baseline.value)} (${national.baseline.year ?? '-'}), target ${formatNumber(national.target.value)} (${national.target.year ?? '-'})${national.isDemo ? ' [demo]' : ''}`, { indent: 12 });
      for (const measurement of national.measurements) {
        const parts = measurement.disaggregations.map((part) => `${part.dimension} ${part.category}: ${formatNumber(part.value)}`).join('; ');
        writer.line(`${measurement.period}: ${formatNumber(measurement.value)}${parts ? ` (${parts})` : ''}${measurement.isDemo ? ' [demo]' : ''}`, { indent: 24 });
        if (measurement.narrative) writer.line(measurement.narrative, { indent: 36, size: 9 });
      }
    }
  }
  writer.gap();
  writer.line(`Budget execution ${content.year}`, { size: 13, bold: true });
  if (content.budget.length === 0) writer.line('No published budget lines for the year.');
  for (const line of content.budget) {
    writer.line(`${line.description}${line.partner ? ` (${line.partner})` : ''}: allocated ${formatNumber(line.allocated)}, disbursed ${formatNumber(line.disbursed)}, spent ${formatNumber(line.spent)} ${line.currency}${line.isDemo ? ' [demo]' : ''}`, { indent: 12 });
  }
  writer.gap();
  writer.line('Reports and decisions', { size: 13, bold: true });
  if (content.reports.length === 0) writer.line('No published report covers the year.');
  for (const report of content.reports) {
    writer.line(`${report.title} (${report.kind}, ${report.periodStart}-${report.periodEnd})${report.isDemo ? ' [demo]' : ''}`, { indent: 12, bold: true });
    for (const finding of report.findings) writer.line(`- ${finding}`, { indent: 24 });
    for (const recommendation of report.recommendations) {
      writer.line(`Recommendation: ${recommendation.text}`, { indent: 24 });
      if (recommendation.decision) writer.line(`Decision${recommendation.decidedOn ? ` (${recommendation.decidedOn})` : ''}: ${recommendation.decision}`, { indent: 36 });
    }
  }
  return pdf.save();
}
