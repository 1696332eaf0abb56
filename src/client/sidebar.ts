// The sidebar page's script (inlined into dist/sidebar.html): connects to google.script.run and starts the page.
import { startSidebar } from './sidebar-app';
import { connectServer, pageScriptRunner } from './server';

function start(): void {
  const root = document.getElementById('app');
  const runner = pageScriptRunner();
  if (!root) return;
  if (!runner) {
    root.textContent = 'google.script.run is not available: open this page from the 走访台账 menu.';
    return;
  }
  void startSidebar(root, connectServer(runner));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
