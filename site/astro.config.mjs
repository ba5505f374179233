// The plan site. `planc site` compiles the plans, writes what the site shows into a data
// folder, and runs this Astro project with PLANC_SITE_DATA pointing at it (and base, site
// and outDir passed inline). Starlight gives the layout, search (Pagefind), dark mode and
// the mobile navigation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

const data = process.env.PLANC_SITE_DATA;
const site = data ? JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) : { title: 'Plans', plans: [] };

export default defineConfig({
  telemetry: false,
  integrations: [
    starlight({
      title: site.title,
      description: 'Implementation, migration and refactoring plans, checked and scheduled by planc.',
      customCss: ['./src/styles/planc.css'],
      components: { Head: './src/components/Head.astro', Search: './src/components/Search.astro' },
      pagefind: true,
      lastUpdated: false,
      pagination: false,
      credits: false,
      sidebar: [
        { label: 'Portfolio', link: '/' },
        {
          label: 'Plans',
          items: site.plans.map((plan) => ({ label: plan.title, link: `/plans/${plan.id}/` })),
        },
        { label: 'Decisions', link: '/decisions/' },
        { label: 'Risk register', link: '/risks/' },
        { label: 'Diagnostics', link: '/diagnostics/' },
        { label: 'Reading this site', link: '/about/' },
      ],
    }),
  ],
});
