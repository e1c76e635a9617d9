/** `pindest`: the command-line twin of the extension, over the same core. */
import pkg from '../../package.json' with { type: 'json' };
import { runSimulateCommand, SIMULATE_USAGE } from '../simulator/cli';
import { deployUsage, runDeploy } from './commands/deploy';
import { hashUsage, runHash } from './commands/hash';
import { previewUsage, runPreview } from './commands/preview';
import { publishUsage, runPublish } from './commands/publish';
import { pullUsage, runPull } from './commands/pull';
import { pushUsage, runPush } from './commands/push';
import { renderUsage, runRender } from './commands/render';
import { runValidate, validateUsage } from './commands/validate';
import { didYouMeanText, parseErrorMessage } from './args';
import { EXIT, processIO, t, UsageError, type CliIO } from './io';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: runValidate, usage: validateUsage },
  render: { run: runRender, usage: renderUsage },
  preview: { run: runPreview, usage: previewUsage },
  push: { run: runPush, usage: pushUsage },
  hash: { run: runHash, usage: hashUsage },
  deploy: { run: runDeploy, usage: deployUsage },
  pull: { run: runPull, usage: pullUsage },
  publish: { run: runPublish, usage: publishUsage },
  simulate: { run: (argv, io) => runSimulateCommand(argv, io), usage: SIMULATE_USAGE },
};

const HELP = `pindest ${pkg.version}: author and test the Pinterest Customer List destination of Adobe Experience Platform

usage: pindest <command> [options]

commands:
${Object.values(COMMANDS).map((c) => '  ' + c.usage.split('\n')[0]!.replace(/^usage: pindest /i, '')).join('\n')}

Run 'pindest <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout(pkg.version + '\n');
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
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
