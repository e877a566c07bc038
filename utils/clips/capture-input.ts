import { z } from 'zod';
import { NETWORKS, type Network } from '../db/record';
import type { ClipStatus } from '../db/clips';
import type { PostSnapshot } from '../sites/types';

/** What a capture hands the background: a post read from Facebook or Instagram, or a
 * selection, image, link or page from any other site. Text only: the background fetches
 * the images itself. Checked in full before anything is fetched or written, since it
 * comes from a page. */
export interface ClipInput {
  network: Network | 'web';
  permalink: string | null;
  authorName: string | null;
  authorHandle: string | null;
  text: string;
  hashtags: string[];
  images: PostSnapshot['images'];
  postedAt: number | null;
  counts: PostSnapshot['counts'];
}

/** Fields the user sets on a clip (at clip time or later); a re-clip keeps them. */
export interface ClipUserFields {
  note: string;
  tags: string[];
  status: ClipStatus;
}

const httpUrl = z
  .string()
  .max(8192)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'not an http(s) address');
const count = z.int().min(0).max(1e12).nullable();

export const MAX_CLIP_IMAGES = 20;

export const clipInputSchema = z.strictObject({
  network: z.enum([...NETWORKS, 'web']),
  permalink: httpUrl.nullable(),
  authorName: z.string().max(300).nullable(),
  authorHandle: z.string().max(200).nullable(),
  text: z.string().max(100_000),
  hashtags: z.array(z.string().min(1).max(200)).max(1000),
  images: z
    .array(z.strictObject({ url: httpUrl, alt: z.string().max(5000).nullable(), kind: z.enum(['image', 'video-poster']) }))
    .max(MAX_CLIP_IMAGES),
  postedAt: z.int().min(0).max(8.64e15).nullable(),
  counts: z.strictObject({ reactions: count, comments: count, shares: count }),
});

export const userFieldsSchema = z.strictObject({
  note: z.string().max(20_000),
  tags: z.array(z.string().trim().min(1).max(200)).max(100),
  status: z.enum(['idea', 'draft', 'scheduled', 'published', 'archived']),
});

/** A post as a reader saw it, as a capture (the reader's extras stay behind). */
export function inputFromSnapshot(snapshot: PostSnapshot): ClipInput {
  return {
    network: snapshot.network,
    permalink: snapshot.permalink,
    authorName: snapshot.authorName,
    authorHandle: snapshot.authorHandle,
    text: snapshot.text,
    hashtags: snapshot.hashtags,
    images: snapshot.images.slice(0, MAX_CLIP_IMAGES),
    postedAt: snapshot.postedAt,
    counts: snapshot.counts,
  };
}
