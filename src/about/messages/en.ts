/** What `/about` says, privately, in the member's language. */
export default {
  title: 'Roots Bot · {community}',
  intro:
    'I help {community} keep its rituals going: welcoming new members through our core tenets, sharing the weekly poem and podcast club, keeping your place in courses, and guiding root-cause protocols.',
  mission: '**Our mission:** {mission}',
  version: 'Version',
  'awake-for': 'Awake for',
  'uptime.days': '{count, plural, one {# day} other {# days}}',
  'uptime.hours': '{count, plural, one {# hour} other {# hours}}',
  'uptime.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'uptime.under-a-minute': 'less than a minute',
} as const;
