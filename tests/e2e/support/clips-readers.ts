import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The two post readers bundled for a page's main world, as `window.__spallaReaders`
 * (`facebook` / `instagram`: `{ find, expand, read }`), so a test can run the real
 * adapter code on a fixture page and compare what it reads. */
export async function readersBundle(): Promise<string> {
  const entry = `
    import { findFacebookPosts, expandFacebookPost, readFacebookPost } from './utils/sites/facebook-posts';
    import { findInstagramPosts, expandInstagramPost, readInstagramPost } from './utils/sites/instagram-posts';
    window.__spallaReaders = {
      facebook: { find: findFacebookPosts, expand: expandFacebookPost, read: readFacebookPost },
      instagram: { find: findInstagramPosts, expand: expandInstagramPost, read: readInstagramPost },
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: join(ROOT),
  });
  return result.outputFiles[0].text;
}

/** Runs in the page: finds the post whose permalink ends in `key`, expands it, reads it. */
export const READ_POST_SCRIPT = `async ([site, key]) => {
  const r = window.__spallaReaders[site];
  const posts = r.find(document);
  const post = posts.find((p) => (r.read(p).permalink || '').includes(key));
  if (!post) return { error: 'no post ' + key + ' among ' + posts.map((p) => r.read(p).permalink).join(', ') };
  const expanded = await r.expand(post);
  return { expanded, snapshot: r.read(post), count: posts.length };
}`;
