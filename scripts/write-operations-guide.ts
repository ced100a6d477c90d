import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOperationsGuide } from '../lib/sync/rules/operations-guide';

/** Writes docs/operations-guide.md from the runbook, so the printable guide matches the Help page. */
const target = path.resolve(import.meta.dirname, '..', 'docs', 'operations-guide.md');
writeFileSync(target, renderOperationsGuide());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
