// The site's two colour themes: every diagram is drawn once in each.
export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
