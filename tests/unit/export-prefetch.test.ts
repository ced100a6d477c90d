import { describe, expect, it } from 'vitest';
import { idGroups } from '@/lib/sync/export/prefetch';

const rows = (...ids: number[]) => ids.map((bcOrderId) => ({ bcOrderId }));
const ids = (groups: Array<Array<{ bcOrderId: number }>>) => groups.map((g) => g.map((r) => r.bcOrderId));

describe('grouping claimed orders for one listing per id range', () => {
  it('keeps ids within one 250-id page together, sorted', () => {
    expect(ids(idGroups(rows(105, 101, 349, 102)))).toEqual([[101, 102, 105, 349]]);
  });
  it('starts a new group when an id is 250 or more past the group start', () => {
    expect(ids(idGroups(rows(1, 250, 251, 600, 849, 850)))).toEqual([[1, 250], [251], [600, 849], [850]]);
  });
  it('nothing in, nothing out', () => {
    expect(idGroups([])).toEqual([]);
  });
});
