import { characteristics, ratingRank, type Criterion, type Rating } from '../../../../shared/model/reports';
import { useI18n } from '../../i18n';
import { criterionLabel, ratingLabel } from './texts';
import classes from './RatingsStrip.module.css';

/**
 * The five characteristics at a glance: one bar each, as tall as its rating (an empty track
 * when not rated), so the strip reads without colour; the words are its accessible name and
 * its tooltip.
 */
export function RatingsStrip({ ratings }: { ratings: Partial<Record<Criterion, Rating | null>> }) {
  const { t } = useI18n();
  const words = characteristics.map((c) => t('reports.row.rating', { characteristic: criterionLabel(t, c), rating: ratingLabel(t, ratings[c]) }));
  const label = t('reports.row.ratings', { ratings: words.join('; ') });
  return (
    <span role="img" aria-label={label} title={words.join('\n')} className={classes.strip} data-testid="ratings-strip">
      {characteristics.map((c) => {
        const r = ratings[c];
        const level = r ? ratingRank(r) + 1 : 0;
        return (
          <span key={c} className={classes.track}>
            <span className={classes.bar} style={{ height: `${level * 25}%` }} data-level={level} />
          </span>
        );
      })}
    </span>
  );
}
