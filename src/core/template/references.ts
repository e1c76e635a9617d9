/**
 * What a template reads, for the validator: free variable paths (`customerData.adAccountId`,
 * `input.profiles`), and the tags, filters and functions it uses, each with its position.
 * Loop variables, `loop` and names bound by an earlier `set` are locals and are not reported.
 */
import { childExpressions, type Expr, type Stmt } from './ast';
import { walkScopes, type Lookup } from './scope';

export interface Reference {
  kind: 'variable' | 'filter' | 'function' | 'tag';
  /** The dotted path for a variable, else the filter, function or tag name. */
  name: string;
  /** Variable path up to the first dynamic index (`a[b]`); empty for the other kinds. */
  path: string[];
  offset: number;
  length: number;
}

export function collectReferences(body: Stmt[]): Reference[] {
  const out: Reference[] = [];
  let isLocal: Lookup = () => undefined;

  const tag = (name: string, span: { offset: number; length: number }) =>
    out.push({ kind: 'tag', name, path: [], offset: span.offset + span.length - name.length, length: name.length });

  function expr(e: Expr): void {
    switch (e.type) {
      case 'literal':
        return;
      case 'name':
        if (!isLocal(e.name)) out.push({ kind: 'variable', name: e.name, path: [e.name], offset: e.span.offset, length: e.span.length });
        return;
      case 'member': {
        const chain: Extract<Expr, { type: 'member' }>[] = [];
        let node: Expr = e;
        while (node.type === 'member') {
          chain.unshift(node);
          node = node.object;
        }
        if (node.type === 'name' && !isLocal(node.name)) {
          const path = [node.name];
          let end = node.span.offset + node.span.length;
          for (const m of chain) {
            if (m.key.type !== 'literal' || (typeof m.key.value !== 'string' && typeof m.key.value !== 'number')) break;
            path.push(String(m.key.value));
            end = m.keySpan.offset + m.keySpan.length;
          }
          out.push({ kind: 'variable', name: path.join('.'), path, offset: node.span.offset, length: end - node.span.offset });
        } else if (node.type !== 'name') {
          expr(node);
        }
        for (const m of chain) if (m.key.type !== 'literal') expr(m.key);
        return;
      }
      case 'filter':
        out.push({ kind: 'filter', name: e.name, path: [], offset: e.nameSpan.offset, length: e.nameSpan.length });
        break;
      case 'call':
        out.push({ kind: 'function', name: e.name, path: [], offset: e.nameSpan.offset, length: e.nameSpan.length });
        break;
    }
    childExpressions(e).forEach(expr);
  }

  walkScopes(body, {
    stmt(st) {
      if (st.type === 'for' || st.type === 'if' || st.type === 'set') tag(st.type, st.span);
      if (st.type === 'filterBlock') {
        tag('filter', st.span);
        for (const f of st.filters) out.push({ kind: 'filter', name: f.name, path: [], offset: f.nameSpan.offset, length: f.nameSpan.length });
      }
    },
    expr(e, lookup) {
      isLocal = lookup;
      expr(e);
    },
  });
  return out.sort((a, b) => a.offset - b.offset);
}
