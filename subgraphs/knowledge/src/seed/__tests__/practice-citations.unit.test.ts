import { loadKnowledge } from '@wps/data';

/**
 * Every real good practice cites a seed document the hub has (issue 13,
 * item 8): a session of data/knowledge.json, which the seed links it to, or
 * a public page. As far as it can be checked here, a practice cited to a
 * session shares a subject with it (its themes, or the session's words).
 */
describe('the citations of the good practices in data/knowledge.json', () => {
  const knowledge = loadKnowledge();
  const sessions = new Map(knowledge.sessions.map((session) => [session.key, session]));

  it.each(knowledge.goodPractices.map((practice) => [practice.title, practice] as const))('"%s" names an existing seed document', (_title, practice) => {
    const source = practice.source;
    expect(sessions.has(source) || /^https?:\/\/\S+$/.test(source)).toBe(true);
  });

  it('cites none of them to a document the seed does not have (the three that cited "consultations-background-note-3")', () => {
    const unknown = knowledge.goodPractices.filter((practice) => !sessions.has(practice.source) && !/^https?:\/\//.test(practice.source)).map((practice) => practice.title);
    expect(unknown).toEqual([]);
  });

  it('cites the corrected ones to a session that shares a theme with them', () => {
    for (const title of ['Gender coach programme', 'Mid-term review for course correction', 'Storytelling as qualitative data']) {
      const practice = knowledge.goodPractices.find((candidate) => candidate.title === title)!;
      const session = sessions.get(practice.source)!;
      expect({ title, shared: practice.themes.some((theme) => (session.themes as string[]).includes(theme)) }).toEqual({ title, shared: true });
    }
  });
});
