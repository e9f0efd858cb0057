/** Council and programme schemas and their data-check rules, on fixtures (fictitious) and small mutations. */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readContent } from '../../../src/content/files.ts';
import { councilSchema, idRef, programmeSchema } from '../../../src/lib/model/schemas/index.ts';
import { validateEntries, type Problem } from '../../../src/lib/check/validate.ts';
import { sourceIndexesIn } from '../../../src/lib/check/paths.ts';

const TODAY = '2026-11-22';
const fixture = (name: string) => join(process.cwd(), 'tests/fixtures', name);
const valid = readContent(fixture('valid')).entries;
const council = valid.find((e) => e.collection === 'councils')!;
const programme = valid.find((e) => e.collection === 'programmes')!;
const mutateCouncil = (patch: (d: Record<string, any>) => void) =>
  valid.map((e) => {
    if (e !== council) return e;
    const data = structuredClone(e.data) as Record<string, any>;
    patch(data);
    return { ...e, data };
  });
const fields = (problems: Problem[]) => problems.map((p) => p.field);

describe('schemas', () => {
  test('the fixture council and programme parse', () => {
    expect(councilSchema(idRef).safeParse(council.data).success).toBe(true);
    expect(programmeSchema(idRef).safeParse(programme.data).success).toBe(true);
  });
  test('an activity defaults to held, attendance to 人', () => {
    const parsed = councilSchema(idRef).parse(council.data);
    const forum = parsed.activities!.find((a) => a.id === 'forum-2024')!;
    expect(forum.status).toBe('held');
    expect(parsed.activities!.find((a) => a.id === 'workshop-a')!.attendance!.unit).toBe('人');
  });
  test.each([
    [
      'a misspelt field',
      (d: any) => {
        d.activities[0].titel = 'x';
      },
    ],
    [
      'an unknown kind',
      (d: any) => {
        d.activities[0].kind = 'party';
      },
    ],
    [
      'a personal-looking email without a domain',
      (d: any) => {
        d.windows[0].email = 'someone';
      },
    ],
    [
      'a negative participant count',
      (d: any) => {
        d.activities[1].attendance.participants = -1;
      },
    ],
    [
      'a figure without its source',
      (d: any) => {
        delete d.activities[0].figures[0].source;
      },
    ],
    [
      'an activity id with capitals',
      (d: any) => {
        d.activities[0].id = 'Forum';
      },
    ],
    [
      'a plan without a theme',
      (d: any) => {
        delete d.plans[0].theme;
      },
    ],
  ])('refuses %s', (_name, patch) => {
    const data = structuredClone(council.data) as Record<string, unknown>;
    patch(data);
    expect(councilSchema(idRef).safeParse(data).success).toBe(false);
  });
});

describe('data-check rules', () => {
  test('the valid fixture has no problems', () => {
    expect(validateEntries(valid, TODAY)).toEqual([]);
  });
  test('a source index past the list is named by its field', () => {
    expect(
      fields(
        validateEntries(
          mutateCouncil((d) => {
            d.activities[1].source = 9;
          }),
          TODAY,
        ),
      ),
    ).toEqual(['activities[1].source']);
    expect(
      fields(
        validateEntries(
          mutateCouncil((d) => {
            d.membersSource = 5;
          }),
          TODAY,
        ),
      ),
    ).toEqual(['membersSource']);
  });
  test('a date outside its fiscal year, a future date not planned, a planned activity with a count', () => {
    expect(
      fields(
        validateEntries(
          mutateCouncil((d) => {
            d.activities[0].date = '2025-04-01';
          }),
          TODAY,
        ),
      ),
    ).toEqual(['activities[0].date']);
    expect(
      fields(
        validateEntries(
          mutateCouncil((d) => {
            d.activities[2].status = 'held';
            d.activities[2].date = '2027-01-10';
            d.activities[2].fiscalYear = 2026;
          }),
          TODAY,
        ),
      ),
    ).toEqual(['activities[2].date']);
    expect(
      fields(
        validateEntries(
          mutateCouncil((d) => {
            d.activities[2].attendance.participants = 4;
          }),
          TODAY,
        ),
      ),
    ).toEqual(['activities[2].attendance.participants']);
  });
  test('a future planned date is accepted', () => {
    expect(
      validateEntries(
        mutateCouncil((d) => {
          d.activities[2].date = '2027-02-01';
          d.activities[2].fiscalYear = 2026;
        }),
        TODAY,
      ),
    ).toEqual([]);
  });
  test('duplicate activity ids and plans, backwards periods, both coop and body on a member', () => {
    const problems = validateEntries(
      mutateCouncil((d) => {
        d.activities[1].id = d.activities[0].id;
        d.plans[1].fiscalYear = d.plans[0].fiscalYear;
        d.activities[3].to = '2025-01';
        d.members[0].coop = 'alpha';
      }),
      TODAY,
    );
    expect(fields(problems).sort()).toEqual(
      ['activities[1].id', 'activities[3].to', 'members[0]', 'plans[1].fiscalYear'].sort(),
    );
  });
  test('references to coops and bodies from windows and activities must resolve', () => {
    const problems = validateEntries(
      mutateCouncil((d) => {
        d.windows[0].operatorCoop = 'ghost';
        d.activities[0].bodies = ['131041', '999999'];
      }),
      TODAY,
    );
    expect(fields(problems).sort()).toEqual(['activities[0].bodies[1]', 'windows[0].operatorCoop']);
  });
  test('the number of selected councils must match the councils naming the programme', () => {
    const problems = validateEntries(
      mutateCouncil((d) => {
        delete d.programme;
      }),
      TODAY,
    );
    expect(problems).toEqual([
      { file: programme.file, field: 'selection.councils', message: expect.stringContaining('一致しません') },
    ]);
  });
  test('sourceIndexesIn finds source and …Source keys at any depth', () => {
    expect(sourceIndexesIn({ a: { source: 1 }, b: [{ source: 2 }], membersSource: 3, sourceless: 4 })).toEqual([
      ['a.source', 1],
      ['b[0].source', 2],
      ['membersSource', 3],
    ]);
  });
});

describe('broken fixture', () => {
  const { entries, problems: read } = readContent(fixture('broken'));
  const problems = [...read, ...validateEntries(entries, TODAY)];
  const at = (file: string) =>
    problems
      .filter((p) => p.file === `tests/fixtures/broken/${file}`)
      .map((p) => p.field)
      .sort();
  test('every mistake in the broken council is named', () => {
    expect(at('councils/bad-activities.yaml')).toEqual(
      [
        'programme',
        'windows[0].operatorCoop',
        'activities[4].source',
        'plans[1].fiscalYear',
        'activities[0].date',
        'activities[1].id',
        'activities[1].date',
        'activities[2].attendance.participants',
        'activities[3].to',
      ].sort(),
    );
  });
  test('every mistake in the broken programme is named', () => {
    expect(at('programmes/bad-programme.yaml')).toEqual([
      'aims[0].source',
      'events[0].date',
      'fiscalYears.to',
      'selection.councils',
    ]);
  });
});
