import { createGroupLoader, createRowLoader, isUuid } from '@wps/kit';

interface Row {
  id: string;
  parent: string;
}

const ROWS: Row[] = [
  { id: 'a', parent: 'p1' },
  { id: 'b', parent: 'p2' },
  { id: 'c', parent: 'p1' },
];

describe('createRowLoader', () => {
  it('returns results in key order, null for missing keys, whatever order the batch answers in', async () => {
    const loader = createRowLoader<string, Row>(async (keys) => ROWS.filter((row) => keys.includes(row.id)).reverse(), (row) => row.id);
    await expect(loader.loadMany(['c', 'missing', 'a', 'b'])).resolves.toEqual([ROWS[2], null, ROWS[0], ROWS[1]]);
  });

  it('calls the batch once for many loads in one tick, with every distinct key', async () => {
    const batches: (readonly string[])[] = [];
    const loader = createRowLoader<string, Row>(
      async (keys) => {
        batches.push([...keys]);
        return ROWS.filter((row) => keys.includes(row.id));
      },
      (row) => row.id,
    );
    const results = await Promise.all([loader.load('a'), loader.load('b'), loader.load('zzz'), loader.load('a')]);
    expect(results).toEqual([ROWS[0], ROWS[1], null, ROWS[0]]);
    expect(batches).toEqual([['a', 'b', 'zzz']]);
  });
});

describe('createGroupLoader', () => {
  it('groups rows by key in batch order, with an empty list for keys without rows, in one batch', async () => {
    let calls = 0;
    const loader = createGroupLoader<string, Row>(
      async (keys) => {
        calls += 1;
        return ROWS.filter((row) => keys.includes(row.parent));
      },
      (row) => row.parent,
    );
    const [p1, none, p2] = await Promise.all([loader.load('p1'), loader.load('p3'), loader.load('p2')]);
    expect(p1).toEqual([ROWS[0], ROWS[2]]);
    expect(none).toEqual([]);
    expect(p2).toEqual([ROWS[1]]);
    expect(calls).toBe(1);
  });
});

describe('isUuid', () => {
  it('accepts canonical UUIDs in either case', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it('rejects anything else before it reaches SQL', () => {
    for (const value of ['', 'not-a-uuid', '0f8fad5bd9cb469fa16570867728950e', '0f8fad5b-d9cb-469f-a165-70867728950', '0f8fad5b-d9cb-469f-a165-70867728950e ', "' OR 1=1 --", 'gf8fad5b-d9cb-469f-a165-70867728950e']) {
      expect(isUuid(value)).toBe(false);
    }
    for (const value of [null, undefined, 42, {}, ['0f8fad5b-d9cb-469f-a165-70867728950e']]) expect(isUuid(value)).toBe(false);
  });
});
