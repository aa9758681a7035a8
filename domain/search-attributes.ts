import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes, registered with the engine at start. The dev server has fixed slots
 * per namespace (10 Keyword, 3 KeywordList…); payload codecs never encrypt these, so no personal data.
 */
export const searchAttributes = {
  processType: defineSearchAttributeKey('ProcessType', SearchAttributeType.KEYWORD),
  zoneCode: defineSearchAttributeKey('ZoneCode', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD),
  awaitingOrgs: defineSearchAttributeKey('AwaitingOrgs', SearchAttributeType.KEYWORD_LIST),
  /** The USCC of the entity a process is about (registration, licences, penalties): a code, not a person. */
  entityUscc: defineSearchAttributeKey('EntityUscc', SearchAttributeType.KEYWORD),
};

/** `Name=Type` pairs as the Temporal CLI's `--search-attribute` flag takes them. */
export function searchAttributeFlags(): string[] {
  const cliType = { KEYWORD: 'Keyword', KEYWORD_LIST: 'KeywordList' } as const;
  return Object.values(searchAttributes).map((key) => `${key.name}=${cliType[key.type]}`);
}
