import type { Messages } from '../../i18n/catalogue.js';
import type en from './en.js';

export default {
  'server-only': 'Isso funciona dentro de um servidor, então use lá: cada comunidade guarda o que é seu.',
  'stale-component': 'Este botão é de uma mensagem antiga e não funciona mais. Use o comando de novo para ter um novo.',
  'unknown-command': 'Não conheço mais esse comando; talvez tenha mudado de nome. Digite `/` para ver o que eu sei fazer.',
  'not-a-moderator': 'Só moderadores (membros com **Gerenciar servidor**) podem fazer isso. Se você acha que deveria poder, fale com um moderador.',
  'something-went-wrong':
    'Desculpe, algo deu errado do meu lado e não consegui terminar. Tente de novo em um instante; se continuar, compartilhe esta referência com um moderador: `{reference}`.',
  'database-busy-nothing-saved': 'O banco de dados está ocupado por um momento, então não consegui fazer isso, e nada foi salvo. Tente de novo em um minuto.',
  'database-busy-partly-saved': 'O banco de dados ficou ocupado no meio do caminho, então não consegui terminar; parte pode já estar salva. Tente de novo em um minuto.',
} satisfies Messages<keyof typeof en>;
