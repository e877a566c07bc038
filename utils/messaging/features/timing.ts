/** Messages of the best-time hints feature (issue #5). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TimingProtocol {}
