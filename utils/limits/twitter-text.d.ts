// twitter-text's build has one function per file (its package root exports one
// object, which would bring every function into the bundle).
declare module 'twitter-text/dist/parseTweet' {
  import type { ParsedTweet } from 'twitter-text';
  export default function parseTweet(text: string): ParsedTweet;
}
