/**
 * Story ids. A story's id names one version of it: the provider's guid and the
 * version (`urn:newsml:dpa.com:20240506:abc@2`) where the provider names the story,
 * else a hash of the input. Writers that must name every item (NewsML-G2's guid,
 * ninjs's uri, NITF's doc-id) write a story no provider named as
 * `urn:slugline:<id>`, and readers take that back as the id, never as a guid.
 */

/** The prefix of Slugline's own identifiers for stories no provider named. */
export const SLUGLINE_ID_PREFIX = 'urn:slugline:';

/**
 * The id of a version of a story the provider names: `guid@revision`, or the guid alone
 * when the format counts no versions.
 *
 * @example
 * versionId('tag:reuters.com,2018:newsml_L2N1PH00M', 1927777166); // 'tag:reuters.com,2018:newsml_L2N1PH00M@1927777166'
 */
export function versionId(guid: string, revision: number | string | null): string {
  return revision === null ? guid : `${guid}@${revision}`;
}
