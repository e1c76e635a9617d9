/**
 * `pindest hash --namespace NS [--input FILE|-]`: what each identity value of a file would become
 * on its way to Pinterest, one output line per input line.
 *
 * Why a command: people preparing an upload, or checking what their CRM export turns into, want
 * to run AEP's rules (trim, lowercase, validate, `sha256(lower($))`) over a whole column without
 * writing a destination project. The rules are `prepareIdentity`'s, so the output is byte for
 * byte what the preview and the test activation would send.
 *
 * Output contract: line N of stdout answers line N of the input (so `paste in out` lines up); a
 * rejected value gives an EMPTY line, never the raw value. Rejections are data, not failures: they
 * are counted by reason on stderr at the end (reason codes and fixed sentences only, never values)
 * and the exit code stays 0. Exit 1 is an I/O error, 2 a usage error.
 *
 * Streaming: input is read with node:readline (a bounded buffer; the async iterator pauses the
 * source), output goes out in chunks of a few thousand lines, and when stdout is the process's
 * stdout the loop waits for 'drain', so 10M lines run in constant memory even into a slow pipe.
 * readline ends a line at LF, CRLF or a lone CR; the line break itself is never part of a value.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findNamespace, listNamespaces, prepareIdentity, rejectMessage, suggestNamespace } from '../../core/identity';
import type { RejectReason, WarningReason } from '../../core/identity';
import { EXIT, processIO, UsageError, type CliIO } from '../io';

const NAMESPACE_CODES = listNamespaces().map((n) => n.code);

export const hashUsage = `usage: pindest hash --namespace NS [--input FILE|-] [--apply-transformation|--no-transformation]
  Reads one identity value per line (from FILE, or stdin when --input is '-' or absent; LF or CRLF)
  and writes one line per input line: the value that would reach Pinterest (trimmed, lowercased,
  validated, and SHA-256 hashed when the transformation applies), or an EMPTY line when the value
  is rejected. Rejections are counted by reason on stderr; values are never printed there.
  --namespace NS, -n NS     the AEP namespace, case-sensitive: Email, Email_LC_SHA256, GAID,
                             IDFA, Phone, Phone_E.164, Phone_SHA256, Phone_SHA256_E.164, ECID
  --input FILE, -i FILE      the values, one per line; '-' or absent reads stdin
  --apply-transformation     hash with sha256(lower($)), as the mapping's "Apply transformation"
  --no-transformation        send plain values (lowercase emails, digits-only phones); GAID/IDFA
                             are then rejected, as Pinterest takes device IDs only hashed
  Default: the transformation applies to namespaces whose values are not already hashed
  (Email, GAID, IDFA, Phone, Phone_E.164, ECID); values already hashed are never hashed again.
  Exit 0 when the input was read (even with rejections), 1 on an I/O error, 2 on a usage error.`;

/** Lines per write: large enough that write calls cost nothing, small enough to stay bounded. */
const CHUNK_LINES = 4096;

export async function runHash(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      namespace: { type: 'string', short: 'n' },
      input: { type: 'string', short: 'i' },
      'apply-transformation': { type: 'boolean' },
      'no-transformation': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError('unexpected argument; name the input file with --input FILE');
  if (values.namespace === undefined) {
    throw new UsageError(`name the values' namespace with --namespace NS (one of ${NAMESPACE_CODES.join(', ')})`);
  }
  const info = findNamespace(values.namespace);
  if (!info) {
    // rejectMessage echoes the code only when it looks like a namespace, never like an identifier.
    const suggestion = suggestNamespace(values.namespace);
    const message = rejectMessage('unknown-namespace', values.namespace).replace(/\.$/, '');
    throw new UsageError(
      suggestion
        ? `${message}; did you mean '${suggestion.code}'?`
        : `${message}. Namespaces: ${NAMESPACE_CODES.join(', ')}.`,
    );
  }
  if (values['apply-transformation'] && values['no-transformation']) {
    throw new UsageError('give --apply-transformation or --no-transformation, not both');
  }
  const applyTransformation = values['apply-transformation'] ? true : values['no-transformation'] ? false : !info.hashed;

  const inputName = values.input ?? '-';
  let input: NodeJS.ReadableStream;
  if (inputName === '-') {
    input = io.stdin ?? process.stdin;
    if (input === process.stdin && process.stdin.isTTY) {
      io.stderr('pindest hash: reading values from the terminal, one per line; end with Ctrl-D.\n');
    }
  } else {
    const path = resolve(io.cwd, inputName);
    try {
      if ((await stat(path)).isDirectory()) return ioError(io, `cannot read '${inputName}': it is a folder, not a file`);
    } catch (e) {
      return ioError(io, `cannot read '${inputName}': ${describe(e)}`);
    }
    input = createReadStream(path);
  }

  // Errors of either stream end the run with exit 1; the listeners also keep an 'error' event
  // (EPIPE when the reader of our stdout goes away, EIO on a read) from crashing the process.
  let failure: string | undefined;
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const onInputError = (e: unknown): void => {
    failure ??= `cannot read '${inputName === '-' ? 'stdin' : inputName}': ${describe(e)}`;
    lines.close();
  };
  const onOutputError = (e: unknown): void => {
    failure ??= `cannot write the output: ${describe(e)}`;
    lines.close();
  };
  const stdout = io === processIO ? process.stdout : undefined;
  input.on('error', onInputError);
  stdout?.on('error', onOutputError);

  const rejected = new Map<RejectReason, number>();
  const warned = new Map<WarningReason, number>();
  const options = { applyTransformation };
  let total = 0;
  let rejectedTotal = 0;
  let chunk: string[] = [];

  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    io.stdout(chunk.join('\n') + '\n');
    chunk = [];
    // once() also rejects on 'error', which onOutputError has already recorded.
    if (stdout?.writableNeedDrain) await once(stdout, 'drain').catch(() => undefined);
  };

  try {
    for await (const line of lines) {
      total++;
      const result = prepareIdentity(info.code, line, options);
      if (result.ok) {
        chunk.push(result.value);
        if (result.warnings) for (const w of result.warnings) warned.set(w.reason, (warned.get(w.reason) ?? 0) + 1);
      } else {
        chunk.push('');
        rejectedTotal++;
        rejected.set(result.reason, (rejected.get(result.reason) ?? 0) + 1);
      }
      if (chunk.length >= CHUNK_LINES) {
        await flush();
        if (failure) break;
      }
    }
    if (!failure) await flush();
  } catch (e) {
    failure ??= `cannot read '${inputName === '-' ? 'stdin' : inputName}': ${describe(e)}`;
  } finally {
    input.off('error', onInputError);
    stdout?.off('error', onOutputError);
    if (input !== process.stdin && 'destroy' in input && typeof input.destroy === 'function') input.destroy();
  }
  if (failure) return ioError(io, failure);

  io.stderr(summary(info.code, total, rejectedTotal, rejected, warned));
  return EXIT.ok;
}

/** `rejected 3 of 1000: invalid-email 2, zeroed-device-id 1`, then what each reason means. */
function summary(
  namespace: string,
  total: number,
  rejectedTotal: number,
  rejected: Map<RejectReason, number>,
  warned: Map<WarningReason, number>,
): string {
  const byCount = <K extends string>(m: Map<K, number>): [K, number][] =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const list = <K extends string>(m: Map<K, number>): string => byCount(m).map(([k, n]) => `${k} ${n}`).join(', ');
  let out = `rejected ${rejectedTotal} of ${total}${rejectedTotal ? ': ' + list(rejected) : ''}\n`;
  for (const [reason] of byCount(rejected)) out += `  ${reason}: ${rejectMessage(reason, namespace)}\n`;
  if (warned.size) out += `warnings: ${list(warned)}\n`;
  return out;
}

function ioError(io: CliIO, message: string): number {
  io.stderr(`pindest hash: ${message}\n`);
  return EXIT.findings;
}

/** A system error as a short phrase ("no such file or directory"), without a stack. */
function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EPIPE':
      return 'the reader closed the pipe';
    default:
      return err?.code ?? (err instanceof Error ? err.message : String(e));
  }
}
