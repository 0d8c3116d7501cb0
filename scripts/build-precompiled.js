// The build's last step: what would otherwise be computed at every process's start-up, computed once.
// - ajv's standalone code for every validator set (src/core/validators.ts says why);
// - the langdetect model's arrays (src/text/langdetect-cache.ts says why).
// Each file records a hash of its sources; a process whose sources differ ignores it and computes its own.
import { writePrecompiledValidators } from '../dist/core/validators.js';
import { writeLangdetectCache } from '../dist/text/langdetect-model.js';

for (const file of writePrecompiledValidators()) process.stdout.write(`precompiled: ${file}\n`);
process.stdout.write(`precompiled: ${writeLangdetectCache()}\n`);
