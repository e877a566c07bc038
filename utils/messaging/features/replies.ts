/** Messages of the saved replies feature (issue #3). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RepliesProtocol {}
