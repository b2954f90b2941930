/** What `/privacy` says: every answer is private, in the member's language. */
export default {
  'export.nothing': 'I keep nothing about you in this server.',
  'export.everything': 'Here is everything I keep about you in this server.',
  'forget.ask':
    'This deletes what I keep about you in this server: your onboarding walk, commitments and introduction, your course progress and reflections, your podcast-club listens, and your protocol contributions and actions. Posts already in channels stay. It cannot be undone. Go ahead?',
  'forget.yes': 'Yes, forget me',
  'forget.no': 'Keep my data',
  'forget.not-yours': 'This button belongs to someone else.',
  'forget.done-nothing': 'Done. I had nothing stored about you here.',
  'forget.done': 'Done. I deleted {count, plural, one {# record} other {# records}} about you in this server.',
  'forget.kept': 'Nothing changed; your data stays as it was.',
} as const;
