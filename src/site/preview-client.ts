// The script `planc preview` adds to every page it serves: it listens to the server's
// events (Server-Sent Events), reloads the page when a rebuild changed it, and shows an
// overlay with the diagnostics of a plan whose file has errors (on that plan's page, open;
// elsewhere, a badge that opens it), and of a configuration or a build that failed (open
// on every page). Plan text reaches the page only as text nodes (textContent), never as
// HTML. The function runs in the browser: it is sent as its own source, so it uses nothing
// from outside its body.

/** What the server says of the site, sent when a page connects and whenever it changes. */
export interface PreviewState {
  /** A rebuild is under way. */
  building: boolean;
  /** Files whose errors keep them out of the site, each with its plan's page when known. */
  problems: PreviewProblem[];
  /** The check or the build failed as a whole (a named file gone, Astro failed): shown on every page. */
  failure?: { message: string; hint?: string };
}

export interface PreviewProblem {
  file: string;
  /** The page of its plan, relative to the base (`plans/id/`), when the file names one. */
  page?: string;
  /** Shown on every page, open (the configuration file). */
  everywhere: boolean;
  diagnostics: Array<{
    code: string;
    severity: string;
    line: number;
    column: number;
    message: string;
    help?: string;
    /** The source around it, with carets under the range (as `planc check` shows it). */
    frame: string;
    /** The page of the code's explanation, relative to the base. */
    explanation: string;
  }>;
}

/** Pages a rebuild changed (added, changed or removed), relative to the base: `plans/id/`, `404.html`. */
export interface PreviewReload {
  pages: string[];
}

export interface ClientSettings {
  /** The site's base path: `/`, or `/a/b/`. */
  base: string;
  /** The page this document is (what the server served): a page of the site, `404.html`, or `building` before the first build. */
  served: string;
}

export function previewClient(settings: ClientSettings): void {
  const events = new EventSource(`${settings.base}_planc/preview/events`);
  const path = decodeURIComponent(location.pathname);
  const requested = (path.startsWith(settings.base) ? path.slice(settings.base.length) : path.replace(/^\//, '')).replace(/index\.html$/, '');
  let state: PreviewState = { building: false, problems: [] };
  let dismissed = false;

  const host = document.createElement('planc-preview');
  const root = host.attachShadow({ mode: 'open' });
  const css = document.createElement('style');
  css.textContent = `
    :host { all: initial; }
    .badge { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647; font: 600 13px/1.4 system-ui, sans-serif;
      padding: .45rem .8rem; border-radius: 999px; border: 0; color: #fff; background: #334155; box-shadow: 0 2px 8px #0006; cursor: pointer; }
    .badge.error { background: #b91c1c; }
    .backdrop { position: fixed; inset: 0; z-index: 2147483646; background: #0009; overflow: auto; padding: 4vh 4vw; box-sizing: border-box; }
    .panel { max-width: 60rem; margin: 0 auto; background: #181a1f; color: #e5e7eb; border-top: 6px solid #ef4444; border-radius: 6px;
      padding: 1.25rem 1.5rem; font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; box-shadow: 0 8px 32px #000a; }
    h1 { font-size: 17px; margin: 0 0 .25rem; color: #fca5a5; }
    h2 { font-size: 14px; margin: 1.25rem 0 .5rem; color: #f3f4f6; }
    p { margin: .25rem 0; color: #cbd5e1; }
    .diagnostic { margin: .75rem 0 1rem; }
    .where { color: #93c5fd; }
    .error .code { color: #f87171; } .warning .code { color: #fbbf24; } .info .code { color: #67e8f9; }
    .message { color: #f9fafb; font-weight: 600; }
    pre { margin: .4rem 0; padding: .5rem .75rem; background: #0f1115; border-radius: 4px; overflow-x: auto; color: #d1d5db; }
    .help { color: #a7f3d0; }
    a { color: #93c5fd; }
    button.close { float: right; background: none; border: 0; color: #9ca3af; font-size: 22px; line-height: 1; cursor: pointer; }
  `;
  root.append(css);

  const element = (tag: string, className: string, text?: string): HTMLElement => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

  /** The problems this page shows open: its own plan's, and those shown everywhere. */
  const mine = () => state.problems.filter((problem) => problem.everywhere || problem.page === requested);

  const render = () => {
    root.replaceChildren(css);
    const open = mine();
    const failure = state.failure;
    if ((open.length > 0 || failure) && !dismissed) root.append(overlay(failure ? state.problems.filter((p) => p.everywhere) : open, failure));
    const errors = state.problems.length;
    if (state.building || errors > 0 || failure) {
      const badge = element('button', `badge${errors > 0 || failure ? ' error' : ''}`);
      badge.textContent = state.building ? 'planc: rebuilding…' : failure ? 'planc: the build failed' : `planc: ${plural(errors, 'plan file')} with errors`;
      badge.addEventListener('click', () => {
        dismissed = false;
        root.replaceChildren(css, overlay(state.problems, failure), badge);
      });
      root.append(badge);
    }
    if (!host.isConnected) document.documentElement.append(host);
  };

  const overlay = (problems: PreviewProblem[], failure: PreviewState['failure']): HTMLElement => {
    const backdrop = element('div', 'backdrop');
    backdrop.setAttribute('role', 'dialog');
    backdrop.setAttribute('aria-modal', 'true');
    backdrop.setAttribute('aria-label', 'planc: errors');
    const panel = element('div', 'panel');
    const close = element('button', 'close', '×');
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => {
      dismissed = true;
      render();
    });
    panel.append(close);
    if (failure) {
      panel.append(element('h1', '', `planc: ${failure.message}`));
      if (failure.hint) panel.append(element('p', '', failure.hint));
    }
    for (const problem of problems) {
      const errors = problem.diagnostics.filter((d) => d.severity === 'error').length;
      panel.append(element(failure ? 'h2' : 'h1', '', `${problem.file}: ${plural(errors, 'error')}`));
      panel.append(
        element(
          'p',
          '',
          problem.everywhere
            ? 'Nothing is built until the configuration is fixed.'
            : `The plan is left out of the site until ${errors === 1 ? 'it is' : 'they are'} fixed; save the file and this page reloads.`,
        ),
      );
      for (const d of problem.diagnostics) {
        const item = element('div', `diagnostic ${d.severity}`);
        const head = element('div', '');
        head.append(element('span', 'where', `${problem.file}:${d.line}:${d.column}`), document.createTextNode(' '), element('span', 'code', `${d.severity} ${d.code}`), document.createTextNode(': '), element('span', 'message', d.message));
        item.append(head);
        if (d.frame) item.append(element('pre', '', d.frame));
        if (d.help) item.append(element('div', 'help', `help: ${d.help}`));
        const link = element('a', '', `What ${d.code} means`) as HTMLAnchorElement;
        link.href = `${settings.base}${d.explanation}`;
        item.append(link);
        panel.append(item);
      }
    }
    backdrop.append(panel);
    return backdrop;
  };

  events.addEventListener('state', (event) => {
    const next = JSON.parse((event as MessageEvent<string>).data) as PreviewState;
    // New errors open the overlay again after it was closed.
    if (JSON.stringify(next.problems) !== JSON.stringify(state.problems) || next.failure?.message !== state.failure?.message) dismissed = false;
    state = next;
    render();
  });
  events.addEventListener('reload', (event) => {
    const { pages } = JSON.parse((event as MessageEvent<string>).data) as PreviewReload;
    // A page whose plan has errors stays as it was under the overlay (rebuilt, it is gone from the site) until they are fixed.
    if (state.problems.some((problem) => problem.page === requested)) return;
    if (settings.served === 'building' || pages.includes(requested) || pages.includes(settings.served)) location.reload();
  });
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !dismissed) {
      dismissed = true;
      render();
    }
  });
}

/**
 * The script as the server puts it in a page: the function's own source (which holds no
 * `<`), called with the page's settings, whose `<` are escaped: nothing in it can end the
 * script element early.
 */
export function previewClientScript(settings: ClientSettings): string {
  return `(${previewClient.toString()})(${JSON.stringify(settings).replace(/</g, '\\u003c')});\n`;
}
