import type { Messages } from '../../i18n/catalogue.js';
import type en from './en.js';

export default {
  title: 'Roots Bot · {community}',
  intro:
    'Ayudo a {community} a mantener vivos sus rituales: doy la bienvenida a quienes llegan con nuestros principios, comparto el poema semanal y el club de pódcast, guardo tu lugar en los cursos y guío los protocolos de causa raíz.',
  mission: '**Nuestra misión:** {mission}',
  version: 'Versión',
  'awake-for': 'Despierto desde hace',
  'uptime.days': '{count, plural, one {# día} other {# días}}',
  'uptime.hours': '{count, plural, one {# hora} other {# horas}}',
  'uptime.minutes': '{count, plural, one {# minuto} other {# minutos}}',
  'uptime.under-a-minute': 'menos de un minuto',
} satisfies Messages<keyof typeof en>;
