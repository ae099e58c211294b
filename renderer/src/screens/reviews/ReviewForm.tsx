import { Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { recommendations } from '../../../../shared/model/vetting/events';
import type { RubricCriterion } from '../../../../shared/model/vetting/settings';
import { useVettingWrite } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard } from '../../nav/Navigation';
import { vettingErrorText } from './vettingError';

type Recommendation = (typeof recommendations)[number];

/** The reviewer's own review: a score per rubric criterion (1 to its scale), comments and a recommendation. */
export function ReviewForm({ applicationId, reviewerId, rubric }: { applicationId: string; reviewerId: string; rubric: RubricCriterion[] }) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const act = useVettingWrite('applications.act');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comments, setComments] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [tried, setTried] = useState(false);
  useLeaveGuard(!act.isSuccess && (Object.keys(scores).length > 0 || comments.trim() !== '' || recommendation !== null));

  const missing = rubric.filter((c) => scores[c.key] === undefined).map((c) => c.key);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length > 0 || !recommendation) {
      notify.problem(t('oversight.review.incompleteTitle'), t('oversight.review.incompleteBody'));
      return;
    }
    act.mutate(
      { applicationId, type: 'review_submitted', payload: { reviewerId, scores, comments: comments.trim(), recommendation } },
      {
        onSuccess: () => notify.success(t('oversight.review.submitted')),
        onError: (err) => notify.problem(t('oversight.review.failed'), vettingErrorText(errorShape(err)!, t, notify.describe)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="review-form-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="review-form-title">
          {t('oversight.review.formTitle')}
        </Title>
        {rubric.map((c) => (
          <Radio.Group
            key={c.key}
            label={c.label[locale] || c.label.en}
            description={t('oversight.review.scaleHint', { max: c.scale })}
            value={scores[c.key] === undefined ? null : String(scores[c.key])}
            onChange={(v) => setScores((s) => ({ ...s, [c.key]: Number(v) }))}
            error={tried && scores[c.key] === undefined ? t('oversight.review.scoreMissing') : undefined}
            required
          >
            <Group gap="md" mt={6}>
              {Array.from({ length: c.scale }, (_, i) => i + 1).map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Radio.Group
          label={t('oversight.review.recommendation')}
          value={recommendation}
          onChange={(v) => setRecommendation(v as Recommendation)}
          error={tried && !recommendation ? t('oversight.review.recommendationMissing') : undefined}
          required
        >
          <Group gap="lg" mt={6}>
            {recommendations.map((r) => (
              <Radio key={r} value={r} label={t(`oversight.recommendation.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('oversight.review.comments')} description={t('oversight.review.comments.description')} value={comments} onChange={(e) => setComments(e.currentTarget.value)} autosize minRows={3} maxRows={10} maxLength={10_000} />
        <Text size="sm" c="dimmed">
          {t('oversight.review.final')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={act.isPending}>
            {t('oversight.review.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
