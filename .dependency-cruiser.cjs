// The one-way doors between the rooms of the project (see ARCHITECTURE.md).
// Checked by `npm test` (test/architecture/dependencies.test.ts); by hand:
//   npx depcruise engine api designer/src web bench
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'store-is-private',
      comment: 'engine/store is the engine\'s own: the API and the browser code go through engine/index.ts.',
      severity: 'error',
      from: { path: '^(api|web|designer)/' },
      to: { path: '^engine/store/' },
    },
    {
      name: 'internal-is-private',
      comment: 'An engine/**/internal/ folder is private to its parent folder.',
      severity: 'error',
      from: { path: '^(api|web|designer)/' },
      to: { path: '^engine/.*/internal/' },
    },
    {
      name: 'api-through-front-door',
      comment: 'The API imports from engine/ only its front door, engine/index.ts.',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^engine/', pathNot: '^engine/index\\.ts$' },
    },
    {
      name: 'browser-shares-pure-engine-only',
      comment:
        'The designer and the workspace run in the browser: from engine/ they may import only the pure modules shared with the server ' +
        '(lint rules, the moddle descriptor and extension reader, durations, the business calendar, form validation).',
      severity: 'error',
      from: { path: '^(web|designer)/' },
      to: {
        path: '^engine/',
        pathNot: ['^engine/(lint|bpmn|duration|forms)/', '^engine/calendar/(?!calendarRegistry\\.ts$|editCalendar\\.ts$)', '^engine/types/'],
      },
    },
    {
      name: 'web-not-designer',
      comment: 'web/ (workspace and shared browser code) never imports the designer; the designer may import web/shared.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^designer/' },
    },
    {
      name: 'engine-knows-no-caller',
      comment: 'The engine is used by the API and the browser code, never the other way round.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '^(api|web|designer)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import circles anywhere (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
