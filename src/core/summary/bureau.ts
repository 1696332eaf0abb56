// The one-page table an education bureau asks of the year: visits, people and families reached, problems and rules.
import type { IsoDate } from '../dates';
import type { Campaign } from '../model';
import { scopeAsAt, type SummaryScope } from './scope';
import { inScope, type LedgerFigures } from './ledger-figures';

export interface BureauFigures {
  /** Valid leader visits and home visits dated in the scope. */
  visits: number;
  /** Distinct people of the visit targets named on them. */
  people: number;
  /** Distinct students (families) named on the home visits. */
  families: number;
  /** Home visits made in person (上门). */
  inPersonHomeVisits: number;
  /** Rectification items found in the scope, and of them done or made a lasting rule. */
  problemsFound: number;
  problemsSolved: number;
  /** Lasting rules (长效机制) made. */
  rules: number;
  suggestionsReceived: number;
  suggestionsAdopted: number;
}

export function bureauFigures(
  campaign: Campaign,
  scope: SummaryScope,
  today: IsoDate,
  ledger: LedgerFigures,
): BureauFigures {
  const asAt = scopeAsAt(scope, today);
  const visits = campaign.visits.filter((v) => v.valid && inScope(v.date, scope, asAt));
  const homeVisits = campaign.homeVisits.filter((v) => v.valid && inScope(v.date, scope, asAt));
  return {
    visits: visits.length + homeVisits.length,
    people: new Set(visits.flatMap((v) => v.counted)).size,
    families: new Set(homeVisits.flatMap((v) => v.counted)).size,
    inPersonHomeVisits: homeVisits.filter((v) => v.mode === 'inPerson').length,
    problemsFound: ledger.rectification.total,
    problemsSolved: ledger.rectification.solved,
    rules: ledger.rectification.rules.length,
    suggestionsReceived: ledger.suggestions.received,
    suggestionsAdopted: ledger.suggestions.counts.yes,
  };
}
