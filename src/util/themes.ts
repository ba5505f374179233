// The site's two colour themes: every diagram is drawn once in each.
export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];

/**
 * The styles of the classes planc's flowcharts give their nodes (what a plan adds, changes
 * or removes; other plans' items; the critical path), per theme. The markdown carries the
 * light ones (GitHub draws it on a light page, and on a dark one the light fills keep their
 * dark text readable); the site's dark drawings are made with the dark ones.
 */
export const CLASS_STYLES: Readonly<Record<Theme, Readonly<Record<string, string>>>> = {
  light: {
    new: 'fill:#e6f4ea,stroke:#1e8e3e,stroke-width:2px,color:#1f2328',
    changed: 'fill:#fef7e0,stroke:#e37400,stroke-width:2px,color:#1f2328',
    removed: 'fill:#fce8e6,stroke:#d93025,stroke-width:2px,stroke-dasharray:5 3,color:#1f2328',
    external: 'stroke-dasharray:4 3,fill:#f6f6f6,color:#1f2328',
    critical: 'stroke:#c5221f,stroke-width:3px',
  },
  dark: {
    new: 'fill:#0f2d1a,stroke:#3fb950,stroke-width:2px,color:#e6edf3',
    changed: 'fill:#33270a,stroke:#d29922,stroke-width:2px,color:#e6edf3',
    removed: 'fill:#3b1114,stroke:#f85149,stroke-width:2px,stroke-dasharray:5 3,color:#e6edf3',
    external: 'stroke-dasharray:4 3,fill:#22272e,color:#e6edf3',
    critical: 'stroke:#ff7b72,stroke-width:3px',
  },
};
