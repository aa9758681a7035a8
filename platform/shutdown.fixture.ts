import pino from 'pino';
import { stopOnSignals } from './shutdown';

// Stands for the API or a worker: it stops only through stopOnSignals.
setInterval(() => undefined, 1000);
stopOnSignals(pino({ level: 'silent' }), 1000, async () => undefined);
