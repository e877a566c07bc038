/** Messages of the hashtag suggestions feature (issue #4). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HashtagsProtocol {}
