import type { ResolvedDeps } from '../apiDeps.js';
import { FORM_NUMBERS } from '../../engine/index.js';
import { actingFor } from '../auth/departmentScope.js';
import type { RouteSpec } from '../http/route.js';
import { DOSSIER_CODE } from '../openapi/schemas.js';

// The printable forms of Circular 03/2025, generated from the dossier's own
// data and history (engine/printing).

export function formRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/dossiers/{code}/forms/{form}',
      operationId: 'printDossierForm',
      summary: 'Print a form of Circular 03/2025 (PDF)',
      description:
        'A4 PDF in Vietnamese with its font embedded: 01 receipt and appointment slip, 02 supplement request (reason and contact person), ' +
        '03 refusal, 04 apology and request to extend the processing time, 05 notice that processing is stopped, 06 control slip. ' +
        'Only the forms the dossier’s history calls for exist: 404 for Form 05 of a dossier never stopped, 03 never refused, 02 never asked to supplement, 04 without an apology. ' +
        'An officer prints the forms of the dossiers its department has a step on.',
      tag: 'dossiers',
      roles: ['desk', 'supervisor', 'officer'],
      pathParams: {
        code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' },
        form: { schema: { type: 'string', enum: [...FORM_NUMBERS] }, description: 'Form number, 01 to 06', entity: 'form' },
      },
      responses: { 200: { description: 'The form as PDF', alternatives: { 'application/pdf': { type: 'string', format: 'binary' } } } },
      async handler({ params, caller, req }) {
        await deps.engine.read.readableDossier(params.code, actingFor(caller));
        // The receipt's lookup link: PUBLIC_BASE_URL, else this server as the desk reached it.
        const pdf = await deps.engine.read.dossierForm(params.code, params.form, { origin: `${req.protocol}://${req.get('host')}` });
        return {
          status: 200,
          body: pdf,
          contentType: 'application/pdf',
          headers: { 'Content-Disposition': `inline; filename="${params.code}-mau-${params.form}.pdf"` },
        };
      },
    },
  ];
}
