/**
 * Profiles from JSON text held in memory: an array of profiles, `{ "profiles": [...] }` (the body
 * of AEP's testing and render APIs), or a single profile object.
 *
 * Why jsonc-parser and not JSON.parse: the editor needs exact positions, and a syntax error must not
 * lose the intact profiles around it. jsonc-parser recovers after an error and gives each node's
 * offset; a profile whose text contains an error is skipped (with a problem), every other profile
 * is kept, and problems about a profile point at the offending node. JSON.parse's own message is
 * never used: V8 quotes a slice of the input in it, which could be a raw email.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { LineIndex } from './positions';
import { toSourceProfile } from './shape';
import type { JsonPath } from './shape';
import type { ProfileProblem, SourceProfile } from './types';
import { fill, msg } from '../report/l10n';

// Problems are stored in English; `msg` marks each template so the extension can show it translated.
const SAY = {
  tooDeep: msg('The JSON is nested too deeply to read (thousands of levels; a profile needs a few), so no profiles were read.'),
  malformed: msg('Malformed JSON at line {0}, column {1}: {2}.'),
  empty: msg('The file is empty; it holds no profiles.'),
  skipped: msg('Profile {0} was skipped because its JSON is malformed (see the syntax error).'),
  notArray: msg("'profiles' must be an array of profiles."),
  expected: msg('Expected an array of profiles, an object with a "profiles" array, or a single profile object.'),
};
const INVALID_JSON = msg('invalid JSON');

export interface ParsedProfiles {
  profiles: SourceProfile[];
  problems: ProfileProblem[];
}

export function parseJsonProfiles(input: string, file: string): ParsedProfiles {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const profiles: SourceProfile[] = [];
  const problems: ProfileProblem[] = [];
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  let root;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (e) {
    // jsonc-parser recurses once per level: hostile nesting overflows the stack.
    if (!(e instanceof RangeError)) throw e;
    problems.push({ file, message: SAY.tooDeep });
    return { profiles, problems };
  }

  for (const error of errors) {
    const at = lines.at(error.offset);
    problems.push({
      file,
      ...at,
      message: fill(SAY.malformed, [at.line, at.column, describeSyntaxError(printParseErrorCode(error.error))]),
    });
  }
  if (!root) {
    if (errors.length === 0) problems.push({ file, message: SAY.empty });
    return { profiles, problems };
  }

  const elements = profileNodes(root, file, lines, problems);
  elements.forEach((node, index) => {
    const start = lines.at(node.offset);
    // Inclusive end: a profile cut short by the end of the file has its error just past its text.
    const broken = errors.some((e) => e.offset >= node.offset && e.offset <= node.offset + node.length);
    if (broken) {
      problems.push({ file, index, ...start, message: fill(SAY.skipped, [index]) });
      return;
    }
    const locate = (path: JsonPath) => {
      const found = findNodeAtLocation(node, path);
      return found ? lines.at(found.offset) : undefined;
    };
    // The node's text is valid JSON (no error inside it), and JSON.parse gives ordinary objects
    // where jsonc-parser's getNodeValue gives null-prototype ones.
    const value: unknown = JSON.parse(text.slice(node.offset, node.offset + node.length));
    const result = toSourceProfile(value, { file, index, line: start.line }, locate);
    problems.push(...result.problems);
    if (result.profile) profiles.push(result.profile);
  });
  return { profiles, problems };
}

/** The nodes holding profiles, by the file's top-level shape. */
function profileNodes(root: Node, file: string, lines: LineIndex, problems: ProfileProblem[]): Node[] {
  if (root.type === 'array') return root.children ?? [];
  if (root.type === 'object') {
    const list = findNodeAtLocation(root, ['profiles']);
    if (list?.type === 'array') return list.children ?? [];
    if (list) {
      problems.push({ file, ...lines.at(list.offset), message: SAY.notArray });
      return [];
    }
    if (findNodeAtLocation(root, ['identityMap']) || findNodeAtLocation(root, ['segmentMembership'])) return [root];
  }
  problems.push({
    file,
    ...lines.at(root.offset),
    message: SAY.expected,
  });
  return [];
}

const SYNTAX_ERRORS: Record<string, string> = {
  InvalidSymbol: msg('unexpected character'),
  InvalidNumberFormat: msg('invalid number'),
  PropertyNameExpected: msg('a property name in double quotes was expected'),
  ValueExpected: msg('a value was expected'),
  ColonExpected: msg("':' was expected"),
  CommaExpected: msg("',' was expected"),
  CloseBraceExpected: msg("'}' was expected"),
  CloseBracketExpected: msg("']' was expected"),
  EndOfFileExpected: msg('the text continues after the end of the JSON value'),
  InvalidCommentToken: msg('comments are not allowed in JSON'),
  UnexpectedEndOfComment: msg('comments are not allowed in JSON'),
  UnexpectedEndOfString: msg('a string is not closed'),
  UnexpectedEndOfNumber: msg('a number is cut short'),
  InvalidUnicode: msg('invalid \\u escape'),
  InvalidEscapeCharacter: msg('invalid escape character'),
  InvalidCharacter: msg('invalid character in a string (control characters must be escaped)'),
};

export function describeSyntaxError(code: string): string {
  return SYNTAX_ERRORS[code] ?? INVALID_JSON;
}
