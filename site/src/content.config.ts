// The content the site shows: Starlight's own pages (src/content/docs), and what planc
// compiled from the plans, loaded from the data folder `planc site` wrote.
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { plancLoader } from './loader';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight's words changed where the site means something more precise ("Edit this plan").
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  plans: defineCollection({ loader: plancLoader('plans') }),
  decisions: defineCollection({ loader: plancLoader('decisions') }),
  risks: defineCollection({ loader: plancLoader('risks') }),
  diagnostics: defineCollection({ loader: plancLoader('diagnostics') }),
};
