import type { Queryable } from '../store/db.js';
import { documentFacts, periodDossiers } from '../store/queries/ii06aDossiers.js';
import { assembleIi06a, serviceIndex, type Ii06aGroupBy, type Ii06aPeriod } from '../reports/ii06aReport.js';

/** Biểu II.06a for a period, one row per procedure, field or agency. */
export async function ii06a(db: Queryable, groupBy: Ii06aGroupBy, period: Ii06aPeriod) {
  return assembleIi06a(groupBy, period, await periodDossiers(db, period.start, period.end));
}

/** The service index groups (Decision 766) our data holds the inputs of, with the dossiers behind each. */
export async function serviceIndexOf(db: Queryable, period: Ii06aPeriod) {
  const dossiers = await periodDossiers(db, period.start, period.end);
  const documents = await documentFacts(db, dossiers.map((d) => d.code));
  return serviceIndex(period, dossiers, documents);
}
