import { cli } from './suite.js';

await cli(process.argv);
