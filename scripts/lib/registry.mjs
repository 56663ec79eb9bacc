// Which registry a release publishes to. Only one we own: the public registry's `@reelkit` scope
// belongs to someone else, so a publish (or an install) that falls through to it is always wrong.
import { execFileSync } from 'node:child_process';

const PUBLIC_HOSTS = new Set(['registry.npmjs.org', 'registry.npmjs.com', 'npmjs.org', 'registry.yarnpkg.com']);

export function isPublicRegistry(url) {
  try {
    return PUBLIC_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The `@reelkit:registry` npm resolves from the project's, the user's and the global .npmrc. */
function scopeMapping(cwd) {
  const value = execFileSync('npm', ['config', 'get', '@reelkit:registry'], { cwd, encoding: 'utf8' }).trim();
  return value && value !== 'undefined' && value !== 'null' ? value : undefined;
}

/**
 * REELKIT_REGISTRY, else the `@reelkit:registry` scope mapping. Returns `{ target }` or `{ refusal }`
 * (why it will not publish): nothing configured, a public registry, or two settings that disagree.
 */
export function resolveTarget({ env = process.env, cwd = process.cwd() } = {}) {
  const fromEnv = env.REELKIT_REGISTRY?.trim() || undefined;
  const mapped = scopeMapping(cwd);
  const target = fromEnv ?? mapped;
  if (!target) {
    return {
      refusal:
        'no internal registry configured: set REELKIT_REGISTRY=<url> or add `@reelkit:registry=<url>` to .npmrc (docs/releasing.md)',
    };
  }
  try {
    new URL(target);
  } catch {
    return { refusal: `the registry is not a URL: ${target}` };
  }
  if (isPublicRegistry(target)) {
    return { refusal: `${target} is the public registry, where the @reelkit scope belongs to someone else; publish only to ours` };
  }
  if (fromEnv && mapped && normalise(fromEnv) !== normalise(mapped)) {
    return { refusal: `REELKIT_REGISTRY (${fromEnv}) and the @reelkit:registry mapping (${mapped}) disagree` };
  }
  return { target: normalise(target) };
}

const normalise = (url) => (url.endsWith('/') ? url : `${url}/`);
