/** Messages of the content-ideas library feature (issue #6). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClipsProtocol {}
