// The `reelkit` command tree. Only commander is loaded here: every action imports its command module
// (and through it the packages) when it runs, so `reelkit --help` starts as fast as Node itself.
import { Command, InvalidArgumentError, Option, type OptionValues } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import type { Context, GlobalOptions } from './context.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export interface ProgramHooks {
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Leave out the `complete` stub (the completion module adds @bomb.sh/tab's own). */
  withoutComplete?: boolean;
  /** --json: commander's own error text is not written (main reports it as JSON). */
  quietErrors?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** An integer option parser; a bad value is a usage error that names the option (commander reports it). */
function int(name: string, min = 1) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

function num(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number > 0, got "${value}"`);
    return n;
  };
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;

// eslint-disable-next-line max-lines-per-function -- TODO(cli): split createProgram into one registration function per command group (issue 10, lint limit 80)
export function createProgram(hooks: ProgramHooks = { signal: new AbortController().signal }) {
  const program = new Command('reelkit')
    .description('Creatomate and Creatify from the terminal')
    .version(version, '-v, --version', 'print the reelkit version')
    .option('--json', 'machine-readable output on stdout (errors as JSON on stderr)')
    .option('--debug', 'log requests (keys redacted) and show stack traces')
    .option('--profile <name>', 'use the credentials stored under this name by `reelkit login`')
    // Set before any subcommand exists: each copies these when it is created, so a bad option of
    // `renders list` throws to main (exit 2, JSON with --json) instead of exiting 1 itself.
    .exitOverride()
    .configureOutput(hooks.quietErrors ? { writeErr: () => undefined } : {})
    .showHelpAfterError(hooks.quietErrors ? false : '(run with --help for usage)')
    .addHelpText('after', `${EXIT_CODES_HELP}\n\nCredentials: CREATOMATE_API_KEY, CREATIFY_API_ID, CREATIFY_API_KEY (or \`reelkit login\`).\nNo account? \`reelkit emulator\` runs both APIs locally.`);

  /** Runs a command module's function with the context built from the global options. */
  const ctx = async (cmd: { optsWithGlobals(): unknown }): Promise<Context> => {
    const { createContext } = await import('./context.js');
    return createContext(cmd.optsWithGlobals() as GlobalOptions, hooks.signal);
  };
  const renders = () => import('./commands/renders.js');
  const templates = () => import('./commands/templates.js');
  const creatify = () => import('./commands/creatify.js');

  // ── templates ────────────────────────────────────────────────────────────────────────────────
  const tpl = program.command('templates').description('Creatomate templates');
  tpl
    .command('list')
    .description('list templates')
    .option('--tags <a,b>', 'only templates with any of these tags', list)
    .option('--limit <n>', 'at most this many', int('--limit'))
    .addHelpText('after', examples('reelkit templates list --tags promo,social', 'reelkit templates list --json | jq ".[].id"'))
    .action(async (opts, cmd) => (await templates()).list(await ctx(cmd), opts));
  tpl
    .command('get')
    .description('show one template (with its RenderScript source in --json)')
    .argument('<id>', 'template id')
    .addHelpText('after', examples('reelkit templates get 9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22'))
    .action(async (id, _opts, cmd) => (await templates()).get(await ctx(cmd), id));
  tpl
    .command('inspect')
    .description('what a template’s modifications can address: elements, main properties, placeholders')
    .argument('<id>', 'template id')
    .addHelpText('after', examples('reelkit templates inspect 9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22'))
    .action(async (id, _opts, cmd) => (await templates()).inspect(await ctx(cmd), id));
  tpl
    .command('pull')
    .description('write the typed-templates module (@reelkit/templates codegen) for your templates')
    .option('--out <file.ts>', 'where to write it', 'reelkit-templates.ts')
    .option('--tags <a,b>', 'only templates with any of these tags', list)
    .addHelpText('after', examples('reelkit templates pull --out src/templates.ts'))
    .action(async (opts, cmd) => (await templates()).pull(await ctx(cmd), opts));

  // ── renders ──────────────────────────────────────────────────────────────────────────────────
  const rnd = program.command('renders').description('Creatomate renders');
  rnd
    .command('create')
    .description('submit a render (checked against the template first)')
    .addOption(new Option('--template <id>', 'template id').conflicts(['source', 'tags']))
    .addOption(new Option('--source <file.json>', 'an inline RenderScript source file').conflicts(['tags']))
    .addOption(new Option('--tags <a,b>', 'one render per template with any of these tags').argParser(list))
    .option('--modify <Name=value>', 'a modification (repeatable); value is a string', collect)
    .option('--modifications <file.json>', 'modifications from a JSON object file (--modify wins)')
    .option('--format <format>', 'output format (mp4, gif, png, jpg)')
    .option('--scale <factor>', 'scale the output, e.g. 0.5', num('--scale'))
    .option('--webhook <url|local>', 'webhook URL; `local` = `reelkit webhooks listen` (emulator only)')
    .option('--metadata <string>', 'metadata stored with the render')
    .option('--wait', 'wait until every render finished (progress on a terminal)')
    .option('--download <dir>', 'with --wait: save the outputs into this directory')
    .option('--no-check', 'submit without checking modifications against the template')
    .addHelpText(
      'after',
      examples(
        'reelkit renders create --template 9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22 --modify Product-Name="Trail Runner 3" --modify price=\\$59 --wait',
        'reelkit renders create --source scene.json --format gif --wait --download out/',
        'reelkit renders create --tags promo --modify Headline=Sale --json',
      ),
    )
    .action(async (opts, cmd) => (await renders()).create(await ctx(cmd), opts));
  rnd
    .command('get')
    .description('show a render')
    .argument('<id>', 'render id')
    .addHelpText('after', examples('reelkit renders get 3f1c…', 'reelkit renders get 3f1c… --json | jq -r .status'))
    .action(async (id, _opts, cmd) => (await renders()).get(await ctx(cmd), id));
  rnd
    .command('list')
    .description('recent renders, newest first')
    .option('--template <id>', 'only renders of this template')
    .option('--limit <n>', 'at most this many', int('--limit'))
    .addHelpText('after', examples('reelkit renders list --limit 10'))
    .action(async (opts, cmd) => (await renders()).list(await ctx(cmd), opts));
  rnd
    .command('delete')
    .description('delete a render')
    .argument('<id>', 'render id')
    .addHelpText('after', examples('reelkit renders delete 3f1c…'))
    .action(async (id, _opts, cmd) => (await renders()).remove(await ctx(cmd), id));
  rnd
    .command('wait')
    .description('wait until the renders finished (progress on a terminal; Ctrl-C stops waiting only)')
    .argument('<id...>', 'render ids')
    .option('--download <dir>', 'save the outputs into this directory')
    .addHelpText('after', examples('reelkit renders wait 3f1c… 8a2d…'))
    .action(async (ids, opts, cmd) => (await renders()).wait(await ctx(cmd), ids, opts));
  rnd
    .command('download')
    .description('save a finished render’s output')
    .argument('<id>', 'render id')
    .option('--out <path>', 'file or directory (default: ./<id>.<ext>)')
    .addHelpText('after', examples('reelkit renders download 3f1c… --out videos/'))
    .action(async (id, opts, cmd) => (await renders()).download(await ctx(cmd), id, opts));
  rnd
    .command('batch')
    .description('one render per row of a CSV or JSONL file; resumable, never submits a row twice')
    .requiredOption('--template <id>', 'template id')
    .requiredOption('--data <rows.csv|rows.jsonl>', 'the rows')
    .option('--map <Key={{column}}>', 'a modification from the row (repeatable); default: each column is a key', collect)
    .option('--concurrency <n>', 'renders in flight at once', int('--concurrency'), 10)
    .option('--ledger <file>', 'the ledger (default: <data>.reelkit-ledger.jsonl beside the data file)')
    .option('--wait', 'wait for every render to finish')
    .option('--download <dir>', 'with --wait: save the outputs into this directory')
    .addHelpText(
      'after',
      examples(
        "reelkit renders batch --template 9b2e… --data products.csv --map 'Product-Name={{name}}' --map 'price={{price}}' --wait",
        'reelkit renders batch --template 9b2e… --data rows.jsonl --json > report.json',
      ) +
        '\n\nRe-running the same command resumes: rows already submitted are not sent again, rows whose\nsubmission may have reached the server are looked up by metadata first.',
    )
    .action(async (opts, cmd) => (await import('./commands/batch.js')).batch(await ctx(cmd), opts));

  // ── creatify ─────────────────────────────────────────────────────────────────────────────────
  const cfy = program.command('creatify').description('Creatify custom templates and jobs');
  const cfyTemplates = cfy.command('templates').description('Creatify custom templates');
  cfyTemplates
    .command('list')
    .description('list custom templates')
    .addHelpText('after', examples('reelkit creatify templates list'))
    .action(async (_opts, cmd) => (await creatify()).templatesList(await ctx(cmd)));
  cfyTemplates
    .command('get')
    .description('a template with its variables')
    .argument('<id>', 'template id (UUID)')
    .action(async (id, _opts, cmd) => (await creatify()).templatesGet(await ctx(cmd), id));

  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- commander's type for "no options yet"
  const jobInputOptions = <G extends OptionValues>(c: Command<[], {}, G>) =>
    c
      .requiredOption('--template <id>', 'template id (UUID)')
      .option('--var <name=value>', 'a variable (repeatable); typed from the template’s definition', collect)
      .option('--var-json <file>', 'variables as a JSON object of { type, properties } (--var wins)')
      .addOption(new Option('--model <model>', 'model_version').choices(['standard', 'aurora_v1', 'aurora_v1_fast'] as const))
      .option('--webhook <url>', 'webhook URL')
      .option('--name <name>', 'job name')
      .option('--max-credits <n>', 'ask (or, non-interactive, refuse) when the estimate is above this', num('--max-credits'))
      .option('--words-per-second <n>', 'speaking rate for the estimate', num('--words-per-second'))
      .option('--media <name=seconds>', 'known media duration for the estimate (repeatable)', collect)
      .option('--yes', 'do not ask for confirmation');
  const jobs = cfy.command('jobs').description('custom template jobs (create, preview and render spend credits)');
  jobInputOptions(jobs.command('create').description('create a job that renders the video directly'))
    .option('--wait', 'wait until the video is done')
    .addHelpText('after', examples('reelkit creatify jobs create --template 1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61 --var product_name=Sneaker --var product_image=https://cdn.example.com/s.jpg --max-credits 10 --wait'))
    .action(async (opts, cmd) => (await creatify()).jobsCreate(await ctx(cmd), opts));
  jobInputOptions(jobs.command('preview').description('a preview (cheap): synchronous, or --async'))
    .option('--async', 'start the preview and return at once (wait with `jobs wait`)')
    .addHelpText('after', examples('reelkit creatify jobs preview --template 1f2e… --var product_name=Sneaker --var product_image=https://cdn.example.com/s.jpg --async'))
    .action(async (opts, cmd) => (await creatify()).jobsPreview(await ctx(cmd), opts));
  jobs
    .command('render')
    .description('render the final video of a previewed job (spends credits)')
    .argument('<id>', 'job id (UUID)')
    .option('--wait', 'wait until the video is done')
    .action(async (id, opts, cmd) => (await creatify()).jobsRender(await ctx(cmd), id, opts));
  jobs
    .command('get')
    .description('show a job')
    .argument('<id>', 'job id (UUID)')
    .action(async (id, _opts, cmd) => (await creatify()).jobsGet(await ctx(cmd), id));
  jobs
    .command('wait')
    .description('wait until the job is done, failed or rejected')
    .argument('<id>', 'job id (UUID)')
    .action(async (id, _opts, cmd) => (await creatify()).jobsWait(await ctx(cmd), id));
  cfy
    .command('estimate')
    .description('credits a job would cost, before anything is spent')
    .addOption(new Option('--template <id>', 'estimate from the job input (--var) for this template').conflicts('seconds'))
    .option('--seconds <n>', 'estimate for a video of this length', num('--seconds'))
    .option('--var <name=value>', 'a variable of the job input (repeatable)', collect)
    .option('--var-json <file>', 'variables as a JSON object')
    .addOption(new Option('--model <model>', 'model_version').choices(['standard', 'aurora_v1', 'aurora_v1_fast'] as const).default('standard' as const))
    .addOption(new Option('--operation <op>', 'what is estimated').choices(['create', 'preview', 'render'] as const).default('create' as const))
    .option('--words-per-second <n>', 'speaking rate of the text variables', num('--words-per-second'))
    .option('--media <name=seconds>', 'known media duration (repeatable)', collect)
    .addHelpText('after', examples('reelkit creatify estimate --seconds 61 --model standard --operation create', "reelkit creatify estimate --template 3b4c… --var quote='Great shoes, fast delivery' --model aurora_v1"))
    .action(async (opts, cmd) => (await creatify()).estimate(await ctx(cmd), opts));

  // ── webhooks, emulator, doctor, login, completion ────────────────────────────────────────────
  program
    .command('webhooks')
    .description('webhook development loop')
    .command('listen')
    .description('receive webhooks locally, print each delivery (verified with REELKIT_WEBHOOK_SECRET when set) and forward it')
    .option('--port <n>', 'port on 127.0.0.1', int('--port', 0), 4011)
    .option('--forward-to <url>', 'forward every delivery to this URL')
    .addHelpText('after', examples('reelkit webhooks listen --forward-to http://localhost:3000/hooks', 'reelkit renders create --template 9b2e… --webhook local'))
    .action(async (opts, cmd) => (await import('./commands/webhooks.js')).listen(await ctx(cmd), opts));

  program
    .command('emulator')
    .description('run the local emulator of both APIs in the foreground')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', int('--port', 0), 4010)
    .option('--speed <x>', 'lifecycle speed multiplier', num('--speed'), 1)
    .option('--data <dir>', 'keep state in this directory across restarts')
    .option('--faults <spec>', 'fault rules, e.g. createRender:drop:p=0.3 (see the emulator README)')
    .addHelpText('after', examples('reelkit emulator --speed 10', 'reelkit emulator --faults "createRender:drop:count=1"'))
    .action(async (opts, cmd) => (await import('./commands/emulator.js')).emulator(await ctx(cmd), opts));

  program
    .command('doctor')
    .description('versions, specs, configuration, and a live check of each configured service')
    .option('--offline', 'skip the live check')
    .addHelpText('after', examples('reelkit doctor', 'reelkit doctor --json'))
    .action(async (opts, cmd) => (await import('./commands/doctor.js')).doctor(await ctx(cmd), version, opts));

  program
    .command('login')
    .description('store credentials in a profile (0600); the key is read from a hidden prompt or stdin')
    .addOption(new Option('--vendor <vendor>', 'which API').choices(['creatomate', 'creatify'] as const).default('creatomate' as const))
    .option('--api-id <id>', 'Creatify API id (not secret)')
    .option('--base-url <url>', 'store a base URL with the profile (e.g. the emulator)')
    .addHelpText('after', examples('reelkit login', 'printf %s "$KEY" | reelkit login --profile ci', 'reelkit --profile ci renders list'))
    .action(async (opts, cmd) => (await import('./commands/login.js')).login(await ctx(cmd), opts));

  if (hooks.withoutComplete) return program;
  program
    .command('complete')
    .description('shell completion: `source <(reelkit complete bash)` (or zsh, fish, powershell)')
    .argument('[shell]', 'zsh, bash, fish or powershell')
    .allowExcessArguments()
    .allowUnknownOption()
    .helpOption(false)
    .action(async () => (await import('./commands/complete.js')).complete(createProgram({ ...hooks, withoutComplete: true })));

  return program;
}
