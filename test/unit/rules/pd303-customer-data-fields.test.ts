import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD303: every customerData field the example templates read exists', () => {
  assert.deepEqual(withCode(validateExample(), 'PD303'), []);
});

test('PD303: a misspelt field in the server URL is located on the name itself, with did-you-mean', () => {
  const [d] = withCode(validateExample((f) => {
    f.server.urlBasedDestination.url.value = 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAcountId}}/customer_lists/{{input.aggregationKey.segmentAlias}}';
  }), 'PD303');
  assert.equal(d!.file, 'destination-server.json');
  assert.deepEqual(d!.data, { replacement: 'adAccountId' });
  assert.equal(d!.range.end.character - d!.range.start.character, 'adAcountId'.length);
});

test('PD303: inside the escaped request body, the range lands on the exact characters', () => {
  const found = validateExample((f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "list": "{{ customerData.listName }}"\n}';
  });
  const [d] = withCode(found, 'PD303');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.deepEqual(d!.data, { addCustomerDataField: 'listName' });
  // The template's second line holds the name; in the JSON file it is on the value's line,
  // after the escaped newline and escaped quotes.
  const text = JSON.stringify({ v: '{\n  "list": "{{ customerData.listName }}"\n}' });
  assert.ok(text.includes('\\"{{ customerData.listName }}\\"'));
  assert.equal(d!.range.end.character - d!.range.start.character, 'listName'.length);
});

test('PD303: audience template strings are checked too', () => {
  const [d] = withCode(validateExample((f) => (f.audienceTemplate.metadataTemplate.create.requestBody.json.description = '{{customerData.region}}')), 'PD303');
  assert.equal(d!.file, 'audience-template.json');
  assert.equal(d!.pointer, '/metadataTemplate/create/requestBody/json/description');
});
