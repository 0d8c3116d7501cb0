// The build's last step: ajv's standalone code for every validator set (src/core/validators.ts says why).
import { writePrecompiledValidators } from '../dist/core/validators.js';

for (const file of writePrecompiledValidators()) process.stdout.write(`validators: ${file}\n`);
