/**
 * The first screen carries only the core dictionary, and each lazy screen names the area
 * dictionaries its texts come from (`lazyPage(…, areas)`): read from the source, so a screen
 * that starts using another area's texts fails here, not in front of a user.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as audit from '../lib/i18n/areas/audit.nl.ts';
import * as fieldwork from '../lib/i18n/areas/fieldwork.nl.ts';
import { areaOf, type Area } from '../lib/i18n/areas/index.ts';
import * as neighbourhoods from '../lib/i18n/areas/neighbourhoods.nl.ts';
import * as privacy from '../lib/i18n/areas/privacy.nl.ts';
import { nl } from '../lib/i18n/nl.ts';

const SRC = path.resolve(import.meta.dirname, '..');
const KEYS = new Set(
  [nl, fieldwork.nl, neighbourhoods.nl, privacy.nl, audit.nl].flatMap((d) => Object.keys(d)),
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** The project modules a file imports (not types, not styles), statically and dynamically. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const source = readFileSync(file, 'utf8');
  const resolve = (specs: Iterable<RegExpMatchArray>) =>
    [...specs]
      .map((m) => path.resolve(path.dirname(file), m[1]!))
      .filter((f) => /\.tsx?$/.test(f) && existsSync(f));
  return {
    static: resolve(source.matchAll(/^(?:import|export)(?! type )[^;]*?\sfrom '(\.[^']+)'/gms)),
    // Not the screens of a route table (`lazyPage(() => import(…))`): those are routes of their own.
    dynamic: resolve(source.matchAll(/(?<!lazyPage\(\s*\(\) => )import\('(\.[^']+)'\)/g)),
  };
}

/** Every module `entry` loads, following dynamic imports too unless told not to. */
function moduleGraph(entry: string, followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { static: s, dynamic } = importsOf(file);
    for (const f of followDynamic ? [...s, ...dynamic] : s) visit(f);
  };
  visit(entry);
  return seen;
}

/**
 * The dictionaries whose texts a set of modules shows: every quoted message key, and every key
 * a template such as `garden.status.${s}` or a quoted prefix such as 'buurt.metric.' can make. The dictionaries themselves only define keys.
 */
function dictionariesUsed(files: Iterable<string>): Set<Area | 'core'> {
  const used = new Set<Area | 'core'>();
  for (const file of files) {
    if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
    const source = readFileSync(file, 'utf8');
    for (const [, key] of source.matchAll(/'([a-z0-9]+(?:\.[\w]+)+)'/gi)) {
      if (KEYS.has(key!)) used.add(areaOf(key!) ?? 'core');
    }
    // A template (`garden.status.${s}`) or a quoted prefix the key is made from ('buurt.metric.').
    const prefixes = [
      ...source.matchAll(/`([a-z0-9]+\.[\w.]*)\$\{/gi),
      ...source.matchAll(/'([a-z0-9]+(?:\.\w+)*\.)'/gi),
    ];
    for (const [, prefix] of prefixes) {
      for (const key of KEYS) if (key.startsWith(prefix!)) used.add(areaOf(key) ?? 'core');
    }
  }
  return used;
}

interface LazyRoute {
  page: string;
  name: string;
  areas: string[];
}

/** Every `lazyPage(() => import('./Page.tsx'), 'Page', [areas])` in the app. */
function lazyRoutes(): LazyRoute[] {
  const routes: LazyRoute[] = [];
  for (const file of filesUnder(SRC).filter((f) => /(?<!\.test)\.tsx?$/.test(f))) {
    const source = readFileSync(file, 'utf8');
    const calls = [
      ...source.matchAll(
        /lazyPage\(\s*\(\) => import\('([^']+)'\),\s*'(\w+)'(?:,\s*\[([^\]]*)\])?\s*\)/g,
      ),
    ];
    // Each call must have been understood, or the test would check less than it says.
    expect(calls.length, file).toBe(source.match(/lazyPage\(\s*\(\)/g)?.length ?? 0);
    for (const [, spec, name, list] of calls) {
      routes.push({
        page: path.resolve(path.dirname(file), spec!),
        name: name!,
        areas: [...(list ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]!).sort(),
      });
    }
  }
  return routes;
}

describe('dictionaries per screen', () => {
  test('the first screen (login, home, the shell) needs only the core texts', () => {
    const firstScreen = moduleGraph(path.join(SRC, 'main.tsx'), false);
    expect(firstScreen.size).toBeGreaterThan(20);
    expect(firstScreen).toContain(path.join(SRC, 'features/home/HomePage.tsx'));
    expect(firstScreen).toContain(path.join(SRC, 'features/auth/PasswordLoginPage.tsx'));
    expect([...dictionariesUsed(firstScreen)]).toEqual(['core']);
  });

  const routes = lazyRoutes();
  test('finds the lazy screens', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  test.each(routes.map((r) => [r.name, r] as const))(
    '%s loads exactly the area dictionaries it shows',
    (_, route) => {
      const used = dictionariesUsed(moduleGraph(route.page, true));
      used.delete('core');
      expect(route.areas).toEqual([...used].sort());
    },
  );
});
