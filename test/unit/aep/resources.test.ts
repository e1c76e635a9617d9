/** The example project as the three authoring payloads: order, server-set fields, references, canonical comparison. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Project } from '../../../src/core/project/project';
import { canonicalText, fingerprint, projectResources, ProjectShapeError, sameContent, toPayload, toProjectFile } from '../../../src/core/aep/resources';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../../helpers/example';

function projectOf(mutate: (f: ExampleFiles) => void = () => {}): Project {
  const f = exampleFiles();
  mutate(f);
  const entries = [
    ['destination.json', f.destination],
    ['destination-server.json', f.server],
    ['audience-template.json', f.audienceTemplate],
  ]
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => ({ path: join(EXAMPLE_DIR, name as string), text: JSON.stringify(v, null, 2) }));
  return Project.fromTexts(entries);
}

test('the example is three resources in dependency order: server, template, destination', () => {
  const r = projectResources(projectOf());
  assert.deepEqual(r.map((x) => [x.kind, x.name]), [
    ['destination-server', 'Pinterest customer list membership (v5 PATCH)'],
    ['audience-template', 'Pinterest customer list'],
    ['destination', 'Pinterest Customer List'],
  ]);
});

test('a payload has no server-set field and names the ids the server and template have in AEP', () => {
  const [server, template, destination] = projectResources(projectOf());
  for (const p of [toPayload(server!, {}), toPayload(template!, {})]) for (const k of ['instanceId', 'createdDate', 'lastModifiedDate']) assert.equal(k in p, false, k);
  const d = toPayload(destination!, { 'destination-server': 'aep-server-1', 'audience-template': 'aep-template-1' }) as any;
  assert.equal(d.destinationDelivery[0].destinationServerId, 'aep-server-1');
  assert.equal(d.segmentMappingConfig.audienceTemplateId, 'aep-template-1');
  assert.equal('instanceId' in d, false);
  // The file itself is left as it is.
  assert.equal((destination!.value as any).destinationDelivery[0].destinationServerId, '9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e');
});

test('audienceTemplateId under audienceMetadataConfig (the newer page) is substituted too', () => {
  const p = projectOf((f) => {
    const id = f.destination.segmentMappingConfig.audienceTemplateId;
    delete f.destination.segmentMappingConfig.audienceTemplateId;
    f.destination.audienceMetadataConfig = { audienceTemplateId: id };
  });
  const d = toPayload(projectResources(p).at(-1)!, { 'destination-server': 's', 'audience-template': 't' }) as any;
  assert.equal(d.audienceMetadataConfig.audienceTemplateId, 't');
});

test('comparison ignores server-set fields and key order, not values or array order', () => {
  const a = { instanceId: '1', lastModifiedDate: 'x', name: 'n', list: [1, 2], nested: { b: 1, a: 2 } };
  const b = { nested: { a: 2, b: 1 }, list: [1, 2], name: 'n', imsOrg: 'o@AdobeOrg', sandboxName: 'prod' };
  assert.ok(sameContent(a, b));
  assert.equal(fingerprint(a), fingerprint(b));
  assert.ok(!sameContent(a, { ...b, list: [2, 1] }));
  assert.ok(!sameContent(a, { ...b, name: 'm' }));
  assert.equal(canonicalText(b).includes('imsOrg'), false);
});

test('a pulled file keeps instanceId and dates first, and drops the org and sandbox fields', () => {
  const out = toProjectFile({ name: 'n', sandboxName: 'prod', imsOrg: 'o', sandboxId: 's', lastModifiedDate: 'l', instanceId: 'i', createdDate: 'c' });
  assert.deepEqual(Object.keys(out), ['instanceId', 'createdDate', 'lastModifiedDate', 'name']);
});

test('a destination whose server is not in the folder is refused with what to do', () => {
  assert.throws(() => projectResources(projectOf((f) => (f.server.instanceId = 'another-id'))), (e: unknown) => e instanceof ProjectShapeError && /delivers to destination server "9b7c2e1d/.test(e.message) && /destination-server\.json/.test(e.whatToDo));
  assert.throws(() => projectResources(projectOf((f) => (f.destination = undefined))), /no destination configuration/);
});
