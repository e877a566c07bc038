import parseTweet from 'twitter-text/dist/parseTweet';

/**
 * How a network counts the length of a text, for the counters and the linters:
 * - `utf16`: UTF-16 code units, as Facebook's and Instagram's boxes count (an emoji may
 *   count as two);
 * - `code-points`: one per code point;
 * - `twitter-text`: X's weighted count, by X's own library (`parseTweet`, configuration
 *   v3: most letters count 1, CJK and emoji 2, every link 23; github.com/twitter/twitter-text,
 *   js/src/parseTweet.js and config/v3.json). X counts 280 of these.
 */
export type LengthCounting = 'utf16' | 'code-points' | 'twitter-text';

export function textLength(text: string, counting: LengthCounting): number {
  switch (counting) {
    case 'utf16':
      return text.length;
    case 'code-points':
      return Array.from(text).length;
    case 'twitter-text':
      return parseTweet(text).weightedLength;
  }
}
