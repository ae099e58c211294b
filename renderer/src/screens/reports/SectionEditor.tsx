import { Badge, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { Result } from '../../../../shared/contract';
import { formatNumber, plural, useI18n } from '../../i18n';
import { HeadsResolver, type HeadView } from './HeadsResolver';
import { MAX_SECTION_CHARS, countWords } from '../../../../shared/model/reports';
import { SaveStatus } from './SaveStatus';
import type { SaveSection } from './sectionDraft';
import { useSectionDraft } from './useSectionDraft';

interface Props {
  /** The draft's key: the record and the section field. */
  draftKey: string;
  label: string;
  /** Words for the section to count as complete (30 in a case study, 20 in a story). */
  minWords: number;
  /** The section's current versions: one when settled, more when two curators edited it at once. */
  heads: HeadView[];
  readOnly: boolean;
  save: SaveSection;
  resolve(text: string): Promise<Result<unknown>>;
  /** Beside the title (the comments toggle). */
  aside?: ReactNode;
  /** Under the text (the indicators under Results, the comments). */
  children?: ReactNode;
}

/**
 * One section of a case study or story: its own field, saved as the curator types (see
 * sectionDraft.ts), with its word count and whether it is complete. When it has more than
 * one version, the versions are shown for the curator to settle instead of the text box.
 */
export function SectionEditor({ draftKey, label, minWords, heads, readOnly, save, resolve, aside, children }: Props) {
  const { locale, t } = useI18n();
  const id = useId();
  const single = heads.length === 1 ? heads[0]! : null;
  const { draft, state } = useSectionDraft(draftKey, heads.length === 0 ? null : single, save);
  const words = countWords(state.text);
  const complete = words >= minWords;
  const tooLong = state.text.length > MAX_SECTION_CHARS;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`} data-section={draftKey}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text component="h2" id={`${id}-title`} fw={600} size="lg" m={0}>
            {label}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color={complete ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
              {complete ? t('reports.section.complete') : t('reports.section.needs', { min: formatNumber(locale, minWords) })}
            </Badge>
            {aside}
          </Group>
        </Group>
        {heads.length > 1 ? (
          <HeadsResolver key={heads.map((h) => h.rev).join()} sectionLabel={label} heads={heads} readOnly={readOnly} onResolve={resolve} />
        ) : (
          <Textarea
            aria-labelledby={`${id}-title`}
            value={state.text}
            onChange={(e) => draft.edit(e.currentTarget.value)}
            onBlur={() => void draft.flush()}
            readOnly={readOnly}
            autosize
            minRows={4}
            maxRows={18}
            error={tooLong ? t('reports.section.tooLong', { count: formatNumber(locale, state.text.length), max: formatNumber(locale, MAX_SECTION_CHARS) }) : undefined}
          />
        )}
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs" c="dimmed" data-testid="word-count">
            {plural(t, locale, 'reports.words', words)}
          </Text>
          <SaveStatus state={state} onRetry={() => draft.retry()} />
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
