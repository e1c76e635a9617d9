/**
 * Entry point of the language server (bundled to dist/server.cjs; started by the extension, or by
 * hand with `node dist/server.cjs --stdio`). Hardens the process so no input and no bug can take the
 * editor's diagnostics down: uncaught errors are logged (without their messages, which may quote user
 * data) and the server carries on.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './log';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (e) => connection.console.error(`Uncaught error: ${describeError(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${describeError(e)}`));

startServer(connection);
connection.listen();
