/**
 * Profiles from CSV, for people who keep sample audiences in a spreadsheet.
 *
 * Format (one profile per row, comma-separated, RFC 4180 quoting, optional UTF-8 BOM):
 * - The first row is the header. Each header says what its column holds:
 *   - an identity namespace code, exactly as AEP spells it (`Email`, `Email_LC_SHA256`, `GAID`,
 *     `IDFA`, `Phone_E.164`, ...): identities of that namespace; several in one cell are separated
 *     by `|`; whitespace around each value is ignored; an empty cell means none;
 *   - `ups:<audienceId>`, `audience:<audienceId>` (same as ups) or `<audienceNamespace>:<audienceId>`
 *     (e.g. `CustomerAudienceUpload:1234`): membership in that audience; the cell is `realized`,
 *     `existing` or `exited` (any case), empty means not a member;
 *   - anything else: an attribute, kept as the cell's text (empty cells are left out).
 * - Header problems: an empty header, `prefix:` or `:id` with a part missing, or an identity
 *   namespace used as an audience namespace (`Email:123`) is an unknown column type: reported,
 *   column ignored. A header that is a namespace code in the wrong case (`email`) is kept as an
 *   attribute, as the rule says, but reported, since it almost certainly meant the namespace.
 * - Row problems: a row with more or fewer cells than the header is skipped (its cells could be
 *   shifted into the wrong columns); a bad status drops that membership only; malformed quoting
 *   skips the record. Blank lines are skipped. `index` is the 0-based data-row number; `line` is
 *   the 1-based line where the row starts.
 * Problem messages quote headers (column names), never cell contents.
 */
import { parse as parseStream } from 'csv-parse';
import type { CsvError, Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import { findNamespace, listNamespaces } from '../identity/namespaces';
import { fill, msg } from '../report/l10n';
import { put, statusComplaint } from './shape';
import { MEMBERSHIP_STATUSES } from './types';
import type { MembershipStatus, ProfileOrProblem, ProfileProblem, SourceProfile } from './types';

type Column =
  | { kind: 'identity'; namespace: string }
  | { kind: 'audience'; namespace: string; audienceId: string }
  | { kind: 'attribute'; name: string }
  | { kind: 'ignored' };

// Problems are stored in English; `msg` marks each template so the extension can show it translated.
const SAY = {
  malformedAt: msg('Malformed CSV at line {0}: {1}; the row was skipped.'),
  malformed: msg('Malformed CSV: {0}; the row was skipped.'),
  notClosed: msg('a quoted cell is never closed'),
  afterQuote: msg('a closing quote is followed by other characters'),
  quoteInside: msg('a quote appears inside an unquoted cell'),
  tooLarge: msg('the record is too large'),
  notCsv: msg('the row is not valid CSV'),
  cells: msg('Row {0} (line {1}) has {2} cells but the header has {3}; it was skipped.'),
  status: msg("Row {0} (line {1}), column '{2}': status {3}; the membership was ignored."),
  emptyHeader: msg('Column {0} has an empty header, so its type is unknown; its cells are ignored.'),
  partMissing: msg("Column '{0}' has an unknown type: an audience column is ups:<audienceId> or <audienceNamespace>:<audienceId>; it is ignored."),
  identityPrefix: msg("Column '{0}' has an unknown type: '{1}' is an identity namespace, not an audience namespace (use ups:<audienceId>); it is ignored."),
  wrongCase: msg("Column '{0}' is read as an attribute; namespace codes are case-sensitive, so name it '{1}' if it holds identities."),
  empty: msg('The CSV file is empty; it needs a header row.'),
};

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** csv-parse options shared by both paths; errors are turned into problems via `on_skip`. */
function csvOptions(onSkip: (error: CsvError) => void): Options {
  return {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) onSkip(error);
      return undefined;
    },
  };
}

/** Turns header and rows into profiles, shared by the streaming and the in-memory path. */
class CsvProfiles {
  private columns: Column[] | undefined;
  private rowIndex = 0;
  private lastSkip = '';

  constructor(private readonly file: string) {}

  /**
   * The problem of one csv-parse error, located by the line csv-parse gives; undefined when it
   * repeats the previous one (csv-parse reports each stray quote of a record). Cell text is not used.
   */
  skipped(error: CsvError): ProfileProblem | undefined {
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    const key = `${line}:${error.code}`;
    if (key === this.lastSkip) return undefined;
    this.lastSkip = key;
    const what: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: SAY.notClosed,
      CSV_INVALID_CLOSING_QUOTE: SAY.afterQuote,
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: SAY.afterQuote,
      INVALID_OPENING_QUOTE: SAY.quoteInside,
      CSV_MAX_RECORD_SIZE: SAY.tooLarge,
    };
    const reason = what[error.code] ?? SAY.notCsv;
    return { file: this.file, ...(line ? { line } : {}), message: line ? fill(SAY.malformedAt, [line, reason]) : fill(SAY.malformed, [reason]) };
  }

  /** The header row on the first call, then one profile per row. */
  take({ record, info }: CsvRecord): ProfileOrProblem[] {
    const line = info.lines - record.reduce((n, cell) => n + countNewlines(cell), 0);
    if (!this.columns) {
      const problems: ProfileProblem[] = [];
      this.columns = record.map((header, i) => this.classify(header, i, line, problems));
      return problems;
    }
    const index = this.rowIndex++;
    const columns = this.columns;
    if (record.length !== columns.length) {
      return [{
        file: this.file,
        index,
        line,
        message: fill(SAY.cells, [index, line, record.length, columns.length]),
      }];
    }
    const problems: ProfileProblem[] = [];
    const profile: SourceProfile = { identityMap: {}, segmentMembership: {}, attributes: {}, origin: { file: this.file, index, line } };
    record.forEach((cell, i) => {
      const column = columns[i];
      if (column.kind === 'identity') {
        const ids = cell.split('|').map((v) => v.trim()).filter((v) => v !== '');
        if (ids.length === 0) return;
        if (!Object.hasOwn(profile.identityMap, column.namespace)) put(profile.identityMap, column.namespace, []);
        profile.identityMap[column.namespace].push(...ids.map((id) => ({ id })));
      } else if (column.kind === 'audience') {
        const value = cell.trim();
        if (value === '') return;
        const status = value.toLowerCase();
        if ((MEMBERSHIP_STATUSES as readonly string[]).includes(status)) {
          if (!Object.hasOwn(profile.segmentMembership, column.namespace)) put(profile.segmentMembership, column.namespace, {});
          put(profile.segmentMembership[column.namespace], column.audienceId, { status: status as MembershipStatus });
        } else {
          problems.push({
            file: this.file,
            index,
            line,
            column: i + 1,
            message: fill(SAY.status, [index, line, headerLabel(column), statusComplaint(value)]),
          });
        }
      } else if (column.kind === 'attribute') {
        if (cell !== '') put(profile.attributes, column.name, cell);
      }
    });
    return [...problems, profile];
  }

  private classify(raw: string, i: number, line: number, problems: ProfileProblem[]): Column {
    const header = raw.trim();
    const problem = (message: string) => problems.push({ file: this.file, line, column: i + 1, message });
    if (header === '') {
      problem(fill(SAY.emptyHeader, [i + 1]));
      return { kind: 'ignored' };
    }
    if (findNamespace(header)) return { kind: 'identity', namespace: header };
    const colon = header.indexOf(':');
    if (colon >= 0) {
      const prefix = header.slice(0, colon).trim();
      const audienceId = header.slice(colon + 1).trim();
      const label = clipHeader(header);
      if (prefix === '' || audienceId === '') {
        problem(fill(SAY.partMissing, [label]));
        return { kind: 'ignored' };
      }
      if (findNamespace(prefix)) {
        problem(fill(SAY.identityPrefix, [label, prefix]));
        return { kind: 'ignored' };
      }
      return { kind: 'audience', namespace: prefix === 'audience' ? 'ups' : prefix, audienceId };
    }
    const meant = listNamespaces().find((n) => n.code.toLowerCase() === header.toLowerCase());
    if (meant) {
      problem(fill(SAY.wrongCase, [clipHeader(header), meant.code]));
    }
    return { kind: 'attribute', name: header };
  }
}

function headerLabel(column: Column): string {
  return column.kind === 'audience' ? `${column.namespace}:${column.audienceId}` : '';
}

/** A header for a message (the templates quote it), cut at 60 characters. */
function clipHeader(header: string): string {
  return header.length > 60 ? `${header.slice(0, 60)}…` : header;
}

function add(list: ProfileProblem[], problem: ProfileProblem | undefined): void {
  if (problem) list.push(problem);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function parseCsvText(text: string, file: string): { profiles: SourceProfile[]; problems: ProfileProblem[] } {
  const builder = new CsvProfiles(file);
  const profiles: SourceProfile[] = [];
  const problems: ProfileProblem[] = [];
  let records: CsvRecord[];
  try {
    records = parseSync(text, csvOptions((e) => add(problems, builder.skipped(e)))) as unknown as CsvRecord[];
  } catch (error) {
    add(problems, builder.skipped(error as CsvError));
    return { profiles, problems };
  }
  for (const r of records) {
    for (const item of builder.take(r)) {
      if ('identityMap' in item) profiles.push(item);
      else problems.push(item);
    }
  }
  if (records.length === 0) problems.push({ file, message: SAY.empty });
  return { profiles, problems };
}

export async function* streamCsv(path: string, file: string, limit: number): AsyncGenerator<ProfileOrProblem> {
  const builder = new CsvProfiles(file);
  const pending: ProfileProblem[] = [];
  const parser = parseStream(csvOptions((e) => add(pending, builder.skipped(e))));
  const input = createReadStream(path);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let count = 0;
  let records = 0;
  try {
    for await (const r of parser as AsyncIterable<CsvRecord>) {
      records++;
      yield* pending.splice(0);
      for (const item of builder.take(r)) {
        yield item;
        if ('identityMap' in item && ++count >= limit) return;
      }
    }
    yield* pending.splice(0);
    if (records === 0) yield { file, message: SAY.empty };
  } catch (error) {
    add(pending, builder.skipped(error as CsvError));
    yield* pending.splice(0);
  } finally {
    input.unpipe(parser);
    input.destroy();
    parser.destroy();
  }
}
