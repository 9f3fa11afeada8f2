import { districtCodes } from '../../forms/districts';
import { now } from '../commons/clock';
import { correlated, log } from '../commons/logger';
import { businessMetrics, countMetric } from '../commons/metrics';
import { overdueTasks } from './count-store';

/**
 * ReportOverdueTasks, on a schedule (infra/constructs/observability.ts): the open tasks past their due
 * date in every district, as the `TasksPastSla` metric the past-SLA alarm watches. The same key range
 * the dashboard reads (count-store.ts `overdueTasks`): 25 Queries of overdue tasks only, never a scan.
 * A figure every run, zero included, so a silent reporter shows as missing data, not as "all on time".
 */
export const handler = correlated(async () => {
  const at = now();
  const perDistrict = await Promise.all(districtCodes.map(async (district) => (await overdueTasks(district, at)).length));
  const total = perDistrict.reduce((sum, count) => sum + count, 0);
  countMetric(businessMetrics.tasksPastSla, total);
  log.info('overdue tasks reported', { total, districtsWithOverdue: perDistrict.filter((count) => count > 0).length });
  return { total };
});
