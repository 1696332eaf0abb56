// A semester or campaign-year summary (§3 Summaries): every figure, as at the scope's end or today.
import type { IsoDate } from '../dates';
import type { Campaign } from '../model';
import { scopeAsAt, type SummaryScope } from './scope';
import { quotaFigures, type QuotaFigures } from './quota-figures';
import { ledgerFigures, type LedgerFigures } from './ledger-figures';
import { bureauFigures, type BureauFigures } from './bureau';

export interface Summary extends QuotaFigures, LedgerFigures {
  scope: SummaryScope;
  /** The day figures and ages are counted to. */
  today: IsoDate;
  /** The day every figure stands at: the scope's end, or today while it runs. */
  asAt: IsoDate;
  school: string;
  campaign: string;
  bureau: BureauFigures;
}

/** Everything a summary shows, counted on `today` (months after today's are not evaluated). */
export function buildSummary(campaign: Campaign, scope: SummaryScope, today: IsoDate): Summary {
  const ledger = ledgerFigures(campaign, scope, today);
  return {
    scope,
    today,
    asAt: scopeAsAt(scope, today),
    school: campaign.settings.schoolName,
    campaign: campaign.settings.campaignName,
    ...quotaFigures(campaign, scope, today),
    ...ledger,
    bureau: bureauFigures(campaign, scope, today, ledger),
  };
}
