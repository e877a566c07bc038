import type { SiteKey } from '../settings/items';
import { business } from './business';
import { facebook } from './facebook';
import { instagram } from './instagram';
import type { SiteAdapter } from './types';

export const ADAPTERS: Record<SiteKey, SiteAdapter> = { facebook, instagram, business };
