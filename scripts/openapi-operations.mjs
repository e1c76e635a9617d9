// What both derived contracts (derive-pinterest-contract.mjs, derive-aep-contract.mjs) read from an
// OpenAPI description for each operation a simulator serves: where it is, its parameters and
// request body (non-schema $refs inlined by the caller's `inline`), its JSON responses by status;
// and the write-or-check step both end with.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function servedOperations(spec, ids, inline) {
  const found = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op && ids.includes(op.operationId)) found.set(op.operationId, { path, method, op, item });
    }
  }
  return ids.map((id) => {
    const hit = found.get(id);
    if (!hit) throw new Error(`Operation ${id} is not in the OpenAPI description`);
    const { path, method, op, item } = hit;
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(inline);
    let requestBody = null;
    if (op.requestBody) {
      const body = inline(op.requestBody);
      const [contentType, media] = Object.entries(body.content)[0];
      requestBody = { required: body.required === true, contentType, schema: media.schema };
    }
    const responses = {};
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const r = inline(response);
      responses[status] = { description: r.description ?? '', schema: r.content?.['application/json']?.schema ?? null };
    }
    return { id, path, method, op, parameters, requestBody, responses };
  });
}

/** Writes the derived contract (atomically), or with `check` fails when the committed one differs. */
export function writeOrCheck(out, text, check, script, counts) {
  if (check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (current !== text) {
      console.error(`${out} is stale: run node ${script}`);
      process.exit(1);
    }
    console.log(`${out} is up to date (${counts}).`);
  } else {
    const tmp = `${out}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, out);
    console.log(`wrote ${out}: ${counts}, ${text.length} bytes`);
  }
}
