// HTML escaping and the escaping template tag used for every value in the preview webview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attr, h, html } from '../../src/extension/html';

const PAYLOADS = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '"><svg onload=alert(3)>', "' onmouseover='alert(4)", '`${alert(5)}`', '&lt;already&gt;'];

test('html() leaves no markup-significant character in any payload', () => {
  for (const p of PAYLOADS) {
    const out = html(p);
    assert.doesNotMatch(out, /[<>"'`]/, out);
    // & only as the start of an entity we wrote
    assert.doesNotMatch(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, ''), /&/, out);
  }
  assert.equal(html('<b>"x" & \'y\'</b>'), '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
  assert.equal(html(null), '');
  assert.equal(html(undefined), '');
  assert.equal(html(42), '42');
});

test('attr() also drops control characters', () => {
  assert.equal(attr('a\u0000b\nc"'), 'abc&quot;');
});

test('h`` escapes interpolations, nests Safe values and joins arrays', () => {
  const name = '<img src=x onerror=alert(1)>';
  const row = h`<td>${name}</td>`;
  const table = h`<tr>${[row, h`<td>${'"><svg onload=alert(3)>'}</td>`]}</tr>`;
  assert.equal(table.value, '<tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>&quot;&gt;&lt;svg onload=alert(3)&gt;</td></tr>');
  assert.equal(h`<p>${false}</p>`.value, '<p></p>');
});
