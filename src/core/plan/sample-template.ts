/**
 * The starting template Adobe's sample-template endpoint gives for a destination configuration
 * (`GET /authoring/testing/template/sample/{DESTINATION_ID}`), offline.
 *
 * Source: Adobe help/destinations/destination-sdk/testing-api/streaming-destinations/create-template.md
 * ("Get a sample template using the sample template API") and sample-template-api.md: best effort
 * aggregation with `maxUsersPerRequest=1` returns the single-profile template (`input.profile`);
 * configurable aggregation, or best effort with `maxUsersPerRequest` greater than one, returns the
 * template for multiple profiles (`input.profiles`). The two texts below are Adobe's, as
 * create-template.md shows them (documentation © Adobe, CC BY 4.0), without the blank lines that
 * open and close the page's code blocks (so the text ends at its last `}`, as the render-template-api.md
 * example, taken from the API, does). Which destinations count as single is the planner's rule
 * (batch.ts `aggregationPolicy`: best effort without `maxUsersPerRequest` sends one profile per
 * call), so the template matches the calls the preview plans.
 */
import { asObject, type Json } from '../project/project';
import { aggregationPolicy } from './batch';

export const SINGLE_PROFILE_SAMPLE_TEMPLATE = `{#- THIS is an example template for a single profile -#}
{#- A '-' at the beginning or end of a tag removes all whitespace on that side of the tag. -#}
{
    "identities": [
    {%- for idMapEntry in input.profile.identityMap -%}
    {%- set namespace = idMapEntry.key -%}
        {%- for identity in idMapEntry.value %}
        {
            "type": "{{ namespace }}",
            "id": "{{ identity.id }}"
        }{%- if not loop.last -%},{%- endif -%}
        {%- endfor -%}{%- if not loop.last -%},{%- endif -%}
    {% endfor %}
    ],
    "AdobeExperiencePlatformSegments": {
        "add": [
        {%- for segment in input.profile.segmentMembership.ups | added %}
            "{{ segment.key }}"{%- if not loop.last -%},{%- endif -%}
        {% endfor %}
        ],
        "remove": [
        {#- Alternative syntax for filtering audiences by status: -#}
        {% for segment in removedSegments(input.profile.segmentMembership.ups) %}
            "{{ segment.key }}"{%- if not loop.last -%},{%- endif -%}
        {% endfor %}
        ]
    }
}`;

export const MULTIPLE_PROFILES_SAMPLE_TEMPLATE = `{#- THIS is an example template for multiple profiles -#}
{#- A '-' at the beginning or end of a tag removes all whitespace on that side of the tag. -#}
{
    "profiles": [
    {%- for profile in input.profiles %}
        {
            "identities": [
            {%- for idMapEntry in profile.identityMap -%}
            {%- set namespace = idMapEntry.key -%}
                {%- for identity in idMapEntry.value %}
                {
                    "type": "{{ namespace }}",
                    "id": "{{ identity.id }}"
                }{%- if not loop.last -%},{%- endif -%}
                {%- endfor -%}{%- if not loop.last -%},{%- endif -%}
            {% endfor %}
            ],
            "AdobeExperiencePlatformSegments": {
                "add": [
                {%- for segment in profile.segmentMembership.ups | added %}
                    "{{ segment.key }}"{%- if not loop.last -%},{%- endif -%}
                {% endfor %}
                ],
                "remove": [
                {#- Alternative syntax for filtering audiences by status: -#}
                {% for segment in removedSegments(profile.segmentMembership.ups) %}
                    "{{ segment.key }}"{%- if not loop.last -%},{%- endif -%}
                {% endfor %}
                ]
            }
        }{%- if not loop.last -%},{%- endif -%}
    {% endfor %}
    ]
}`;

export interface SampleTemplate {
  /** The Pebble template, plain (not JSON-escaped). */
  template: string;
  /** True for the single-profile template (`input.profile`), false for `input.profiles`. */
  singleProfile: boolean;
  /** Profiles per call the choice was made on: `maxUsersPerRequest`, or `maxNumEventsInBatch` under configurable aggregation. */
  profilesPerCall: number;
  aggregationType: 'BEST_EFFORT' | 'CONFIGURABLE_AGGREGATION';
}

/** The sample template for a destination configuration (its parsed JSON). */
export function sampleTemplate(destination: Json): SampleTemplate {
  const policy = aggregationPolicy(destination);
  const configurable = asObject(destination.aggregation)?.aggregationType === 'CONFIGURABLE_AGGREGATION';
  return {
    template: policy.single ? SINGLE_PROFILE_SAMPLE_TEMPLATE : MULTIPLE_PROFILES_SAMPLE_TEMPLATE,
    singleProfile: policy.single,
    profilesPerCall: policy.max,
    aggregationType: configurable ? 'CONFIGURABLE_AGGREGATION' : 'BEST_EFFORT',
  };
}
