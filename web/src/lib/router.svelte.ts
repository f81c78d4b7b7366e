/** A small history-API router: the current path as state, links that do not reload the page. */
class Router {
  path = $state(window.location.pathname);

  constructor() {
    window.addEventListener('popstate', () => (this.path = window.location.pathname));
  }

  go(path: string, options: { replace?: boolean } = {}): void {
    if (path === this.path) return;
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
  }

  /** For <a> clicks: plain left clicks stay in the app; modified clicks open as the browser would. */
  link = (event: MouseEvent): void => {
    const anchor = event.currentTarget as HTMLAnchorElement;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.go(anchor.pathname);
  };
}

export const router = new Router();
