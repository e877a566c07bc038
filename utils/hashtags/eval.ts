/**
 * The offline evaluation behind `npm run eval:hashtags`: for each account, a fresh model
 * learns the account's history, then suggests for each held-out post; recall@k is the
 * share of the author's hashtags found in the first k suggestions, averaged over posts.
 * The baseline turns the post's own words into hashtags (stopwords dropped, in order).
 *
 * Plain TypeScript: no browser API.
 */
import { z } from 'zod';
import { looseKey } from './keys';
import { createHashtagModel } from './model';
import { suggestHashtags } from './suggest';
import { guessLanguage, isContentWord, readWords } from './words';

const network = z.enum(['facebook', 'instagram']);

export const evalFileSchema = z.object({
  accounts: z
    .array(
      z.object({
        id: z.string().min(1),
        lang: z.string().min(2),
        /** Texts carry their hashtags inline. */
        history: z.array(z.object({ text: z.string(), network })),
        /** Texts carry no hashtags; `hashtags` are the author's, without "#". */
        test: z.array(z.object({ text: z.string(), hashtags: z.array(z.string().min(1)).min(1), network })),
      }),
    )
    .min(1),
});

export type EvalFile = z.infer<typeof evalFileSchema>;
export type EvalAccount = EvalFile['accounts'][number];

export const EVAL_KS = [5, 10] as const;

export interface Recall {
  at5: number;
  at10: number;
}

export interface AccountResult {
  id: string;
  lang: string;
  posts: number;
  model: Recall;
  baseline: Recall;
  /** The same suggestions with nothing learned: the text's words and the starter
   * vocabulary alone (what a new user gets on day one). */
  unlearned: Recall;
}

export interface EvalResult {
  accounts: AccountResult[];
  /** Averaged over every test post of every account. */
  model: Recall;
  baseline: Recall;
  unlearned: Recall;
  posts: number;
}

/** The share of `wanted` (author's tags) among the first `k` of `ranked`, ignoring case
 * and accents. */
export function recallAt(ranked: readonly string[], wanted: readonly string[], k: number): number {
  const want = new Set(wanted.map((t) => looseKey(t)));
  if (want.size === 0) return 0;
  const top = new Set(ranked.slice(0, k).map((t) => looseKey(t)));
  let found = 0;
  for (const tag of want) if (top.has(tag)) found++;
  return found / want.size;
}

/** The baseline: the text's own content words as hashtags, in order, without repeats. */
export function wordsAsHashtags(text: string, limit: number): string[] {
  const words = readWords(text);
  const language = guessLanguage(words);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (!isContentWord(word, language) || seen.has(word.loose)) continue;
    seen.add(word.loose);
    out.push(word.word);
    if (out.length === limit) break;
  }
  return out;
}

function addRecall(sum: Recall, ranked: string[], wanted: string[]) {
  sum.at5 += recallAt(ranked, wanted, 5);
  sum.at10 += recallAt(ranked, wanted, 10);
}

const divide = (r: Recall, n: number): Recall => ({ at5: n ? r.at5 / n : 0, at10: n ? r.at10 / n : 0 });

export function evaluateAccount(account: EvalAccount): AccountResult {
  const model = createHashtagModel();
  for (const post of account.history) model.learn(post.text, { network: post.network, source: 'own' });
  const empty = createHashtagModel();
  const m: Recall = { at5: 0, at10: 0 };
  const b: Recall = { at5: 0, at10: 0 };
  const u: Recall = { at5: 0, at10: 0 };
  const suggest = (from: typeof model, text: string, network: typeof account.test[number]['network']) =>
    suggestHashtags(from, text, { network, limit: 10 }).map((s) => s.tag);
  for (const post of account.test) {
    addRecall(m, suggest(model, post.text, post.network), post.hashtags);
    addRecall(u, suggest(empty, post.text, post.network), post.hashtags);
    addRecall(b, wordsAsHashtags(post.text, 10), post.hashtags);
  }
  const n = account.test.length;
  return { id: account.id, lang: account.lang, posts: n, model: divide(m, n), baseline: divide(b, n), unlearned: divide(u, n) };
}

export function evaluate(file: EvalFile): EvalResult {
  const accounts = file.accounts.map(evaluateAccount);
  const posts = accounts.reduce((sum, a) => sum + a.posts, 0);
  const weighted = (pick: (a: AccountResult) => Recall): Recall =>
    divide(
      accounts.reduce((sum, a) => ({ at5: sum.at5 + pick(a).at5 * a.posts, at10: sum.at10 + pick(a).at10 * a.posts }), { at5: 0, at10: 0 }),
      posts,
    );
  return {
    accounts,
    model: weighted((a) => a.model),
    baseline: weighted((a) => a.baseline),
    unlearned: weighted((a) => a.unlearned),
    posts,
  };
}
