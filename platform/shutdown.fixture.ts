import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { stopOnSignals } from './shutdown';

// Stands for the API or a worker: it stops only through stopOnSignals.
setInterval(() => undefined, 1000);
stopOnSignals(pino({ level: 'silent' }), 1000, async () => undefined);
// Watching its parent from here on: the test's parent may go now.
if (process.env.READY_FILE) writeFileSync(process.env.READY_FILE, 'watching');
