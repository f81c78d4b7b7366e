import { writeFileSync } from 'node:fs';
import { openapiDocument } from './openapi-document.js';

// Writes the contract the web client is typed by; `npm run openapi` then regenerates the types.
writeFileSync('web/src/api/openapi.json', await openapiDocument());
console.log('wrote web/src/api/openapi.json');
