import type { CommandLocalizations } from '../../interactions/command-localizations.js';

/** `/protocol` in the other languages: names stay English, so the messages that name them hold. */
export const protocolCommandLocalizations: CommandLocalizations = {
  es: {
    description: 'Recorre con tu equipo un protocolo de causas raíz, paso a paso, en un hilo',
    'start.description': 'Abre un hilo aquí y guía a tu equipo por un protocolo',
    'start.protocol.description': 'Qué protocolo usar',
    'start.topic.description': 'El problema en el que trabajará tu equipo; da nombre al hilo',
    'list.description': 'Mira los protocolos en marcha en este servidor, con enlaces a sus hilos',
    'export.description': 'Recibe el resumen y el registro completo de un protocolo en un archivo Markdown',
    'export.which.description': 'Qué protocolo (déjalo vacío dentro de su hilo)',
    'stop.description': 'Detén un protocolo sin resumen; todo lo dicho se conserva',
    'stop.which.description': 'Qué protocolo (déjalo vacío dentro de su hilo)',
  },
  'pt-BR': {
    description: 'Conduza com sua equipe um protocolo de causas-raiz, etapa por etapa, em um tópico',
    'start.description': 'Abra um tópico aqui e guie sua equipe por um protocolo',
    'start.protocol.description': 'Qual protocolo usar',
    'start.topic.description': 'O problema em que sua equipe vai trabalhar; ele dá nome ao tópico',
    'list.description': 'Veja os protocolos em andamento neste servidor, com links para os tópicos',
    'export.description': 'Receba o resumo e o registro completo de um protocolo em um arquivo Markdown',
    'export.which.description': 'Qual protocolo (deixe vazio dentro do tópico dele)',
    'stop.description': 'Interrompa um protocolo sem resumo; tudo o que foi dito fica guardado',
    'stop.which.description': 'Qual protocolo (deixe vazio dentro do tópico dele)',
  },
};
