import { loadConfig } from './config.js';
import { startServer } from './start.js';

await startServer(loadConfig());
