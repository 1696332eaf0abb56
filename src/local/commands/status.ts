// `status FILE [--month] [--today] [--json]`: the §3 figures of one month, as JSON or as readable tables.
import { computeStatus } from '../../core/engine';
import { monthOf } from '../../core/dates';
import { renderStatus } from '../status-text';
import { monthOption, type CliCommand } from './command';
import { openCampaign } from './open-campaign';
import { reportedProblems } from './validate';

export const statusCommand: CliCommand = {
  options: {
    month: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(file, values, io) {
    const month = monthOption(values);
    const { campaign, today } = await openCampaign(file, values, io);
    const status = computeStatus(campaign, month ?? monthOf(today), today);
    const problems = reportedProblems(campaign);
    if (values.json === true) {
      const { month: m, today: d, people, coverage, semester, classes } = status;
      io.out(JSON.stringify({ month: m, today: d, people, coverage, semester, classes, problems }, null, 2));
    } else {
      io.out(
        renderStatus(
          status,
          problems,
          campaign.lang,
          campaign.units.map((u) => u.name),
        ),
      );
    }
    return 0;
  },
};
