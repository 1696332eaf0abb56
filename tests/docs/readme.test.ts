// The README's links lead to files of the repository, and the npm scripts it names exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

/** Targets of markdown links and images, [text](target) and ![alt](target), without a #fragment. */
function relativeTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1]!,
  );
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURI(t.split('#')[0]!));
}

it('links only to files that exist', () => {
  const targets = relativeTargets(readme);
  expect(targets.length).toBeGreaterThan(0);
  const missing = targets.filter((t) => !existsSync(join(dirname(join(root, 'README.md')), t)));
  expect(missing).toEqual([]);
});

it('names only npm scripts that package.json has', () => {
  const named = [...readme.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!);
  expect(named).toEqual(expect.arrayContaining(['check:deploy', 'deploy', 'build']));
  expect([...new Set(named)].filter((name) => !scripts.includes(name))).toEqual([]);
});

it('names the files it points to in backquotes, where they are paths of the repository', () => {
  const paths = [...readme.matchAll(/`((?:tests|scripts|src|docs|html|bin)\/[\w./-]+|\.ci\/run)`/g)].map(
    (m) => m[1]!,
  );
  expect(paths.length).toBeGreaterThan(0);
  expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
});
