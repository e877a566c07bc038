import type { SiteKey } from '../settings/items';
import { business } from './business';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { threads } from './threads';
import type { SiteAdapter } from './types';
import { x } from './x';

export const ADAPTERS: Record<SiteKey, SiteAdapter> = { facebook, instagram, business, x, threads, linkedin };
