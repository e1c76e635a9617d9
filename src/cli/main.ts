/** `pindest`: the command-line twin of the extension, over the same core. */
import pkg from '../../package.json' with { type: 'json' };
import { didYouMeanText, parseErrorMessage } from './args';
import { EXIT, processIO, t, UsageError, type CliIO } from './io';

type Command = (argv: string[], io: CliIO) => Promise<number>;

// Each command is loaded when it runs (the bundle splits them), so that `pindest hash` over a
// big file does not first load the validator, the renderer and the simulator: ~45 ms of start.
const COMMANDS: Record<string, () => Promise<{ run: Command; usage: string }>> = {
  validate: async () => import('./commands/validate').then((m) => ({ run: m.runValidate, usage: m.validateUsage })),
  render: async () => import('./commands/render').then((m) => ({ run: m.runRender, usage: m.renderUsage })),
  preview: async () => import('./commands/preview').then((m) => ({ run: m.runPreview, usage: m.previewUsage })),
  push: async () => import('./commands/push').then((m) => ({ run: m.runPush, usage: m.pushUsage })),
  hash: async () => import('./commands/hash').then((m) => ({ run: m.runHash, usage: m.hashUsage })),
  deploy: async () => import('./commands/deploy').then((m) => ({ run: m.runDeploy, usage: m.deployUsage })),
  pull: async () => import('./commands/pull').then((m) => ({ run: m.runPull, usage: m.pullUsage })),
  publish: async () => import('./commands/publish').then((m) => ({ run: m.runPublish, usage: m.publishUsage })),
  simulate: async () => import('../simulator/cli').then((m) => ({ run: (argv, io) => m.runSimulateCommand(argv, io), usage: m.SIMULATE_USAGE })),
  profiles: async () => import('./commands/profiles').then((m) => ({ run: m.runProfiles, usage: m.profilesUsage })),
  template: async () => import('./commands/template').then((m) => ({ run: m.runTemplate, usage: m.templateUsage })),
};

const help = async (): Promise<string> => {
  const usages = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage));
  return `pindest ${pkg.version}: author and test the Pinterest Customer List destination of Adobe Experience Platform

usage: pindest <command> [options]

commands:
${usages.map((u) => '  ' + u.split('\n')[0]!.replace(/^usage: pindest /i, '')).join('\n')}

Run 'pindest <command> --help' for a command's options.
`;
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout(pkg.version + '\n');
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? await COMMANDS[name]!() : undefined;
  if (!command) {
    const names = Object.keys(COMMANDS);
    const what = name.startsWith('-') ? t("unknown option '{0}'.", name) + didYouMeanText(name, ['--help', '--version']) : t("unknown command '{0}'.", name) + didYouMeanText(name, names);
    io.stderr(`pindest: ${what}\n${t('Commands: {0}. Run {1} for help.', names.join(', '), "'pindest --help'")}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const parseError = parseErrorMessage(e, command.usage);
    if (parseError !== undefined || e instanceof UsageError) {
      // One line saying what is wrong, then the command's synopsis and where the rest is.
      const synopsis = command.usage.split('\n')[0]!;
      io.stderr(`pindest ${name}: ${parseError ?? (e as Error).message}\n${synopsis}\n${t('Run {0} for its options.', `'pindest ${name} --help'`)}\n`);
      return EXIT.usage;
    }
    io.stderr(`pindest ${name}: ${(e as Error).message}\n`);
    return EXIT.findings;
  }
}

// Run when executed as the bundle or the bin, not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(cli\.mjs|pindest(\.mjs)?|main\.ts)$/.test(invoked)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
