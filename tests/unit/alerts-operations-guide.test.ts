import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExceptionType } from '@/lib/generated/prisma/enums';
import { GUIDE_ORDER, renderOperationsGuide } from '@/lib/sync/rules/operations-guide';
import { helpHref, RUNBOOK } from '@/lib/sync/rules/runbook';

describe('operations guide', () => {
  it('docs/operations-guide.md is the guide the Help page shows (regenerate: npx tsx scripts/write-operations-guide.ts)', () => {
    const onDisk = readFileSync(path.resolve(import.meta.dirname, '../../docs/operations-guide.md'), 'utf8');
    expect(onDisk).toBe(renderOperationsGuide());
  });

  it('covers every exception type once, each with meaning, fix, verification and a help anchor', () => {
    expect([...GUIDE_ORDER].sort()).toEqual(Object.values(ExceptionType).sort());
    const guide = renderOperationsGuide();
    for (const type of Object.values(ExceptionType)) {
      const entry = RUNBOOK[type];
      for (const text of [entry.title, entry.meaning, entry.fix, entry.verify]) expect(text.length).toBeGreaterThan(10);
      expect(guide).toContain(`### ${type}\n`);
      expect(guide).toContain(entry.verify);
      expect(helpHref(type)).toBe(`/help#${type}`);
    }
  });
});
