/** Offset-based text edits, the pure currency of quick fixes (front ends turn them into ranges). */
import type { Edit } from 'jsonc-parser';

export type TextEdit = Edit;
