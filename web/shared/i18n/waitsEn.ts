// What a dossier waits on (the dossier page's "waiting on" card and its
// marks on the diagram). Spread into the `workspace` namespace of ./en.ts.

export const waitsEn = {
  'waits.title': 'Waiting on',
  'waits.nothing': 'The dossier waits on nothing.',
  'waits.task': 'Step',
  'waits.job': 'Job of another system',
  'waits.timer': 'Timer',
  'waits.message': 'Awaited reply',
  'waits.incident': 'Incident',
  'waits.kind': 'Kind',
  'waits.element': 'Step',
  'waits.who': 'Department',
  'waits.due': 'Due (Vietnam time)',
  'waits.messageName': 'message “{name}”',
  'waits.since': 'since {date}',
  'waits.legend': 'Waiting',
} satisfies Record<keyof typeof import('./waitsVi.js').waitsVi, string>;
