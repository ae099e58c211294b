import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { SectionState } from '../../../../shared/contract/reports';
import { MIN_SECTION_WORDS, sectionsOf, type SectionField } from '../../../../shared/model/reports';
import { useI18n } from '../../i18n';
import { CommentsPanel } from './CommentsPanel';
import type { HeadView } from './HeadsResolver';
import { IndicatorsTable } from './IndicatorsTable';
import type { PanelProps } from './panels';
import { SectionEditor } from './SectionEditor';
import { sectionLabel } from './texts';
import { useSectionWrites } from './useReports';

/** The versions to show: every head when curators wrote the section concurrently, else its one value. */
export function headsOf(state: SectionState | undefined): HeadView[] {
  if (!state) return [];
  if (state.heads.length > 1) return state.heads.map((h) => ({ rev: h.value.rev, text: h.value.text, author: h.actorName, at: h.at }));
  return state.current ? [{ rev: state.current.rev, text: state.current.text, author: null, at: null }] : [];
}

/** Every section of the document in order, each its own field saved as it is typed, with its review comments. */
export function SectionsTab({ report, onPatch, readOnly }: PanelProps) {
  const states = new Map(report.sections.map((s) => [s.section, s]));
  return (
    <Stack gap="md">
      {(sectionsOf[report.type] as readonly SectionField[]).map((section) => (
        <SectionBlock key={section} report={report} section={section} state={states.get(section)} readOnly={readOnly} onPatch={onPatch} />
      ))}
      <CommentsPanel report={report} section={null} />
    </Stack>
  );
}

function SectionBlock({ report, section, state, readOnly, onPatch }: PanelProps & { section: SectionField; state: SectionState | undefined }) {
  const { t } = useI18n();
  const { save, resolve } = useSectionWrites(report.id, section);
  const here = report.comments.filter((c) => c.section === section);
  const open = here.filter((c) => !c.resolved).length;
  // A removed record takes no comment: the toggle shows only to read the ones it has.
  const toggle = !report.removed || here.length > 0;
  const [showComments, setShowComments] = useState(open > 0);
  const label = sectionLabel(t, section);
  return (
    <SectionEditor
      draftKey={`${report.id}:${section}`}
      label={label}
      minWords={MIN_SECTION_WORDS[report.type]}
      heads={headsOf(state)}
      readOnly={readOnly}
      save={save}
      resolve={resolve}
      aside={
        toggle && (
          <Button size="compact-sm" variant={showComments ? 'light' : 'subtle'} aria-expanded={showComments} onClick={() => setShowComments((v) => !v)} aria-label={t('reports.comments.show', { section: label })}>
            {open > 0 ? t(open === 1 ? 'reports.comments.count.one' : 'reports.comments.count.other', { count: open }) : t('reports.comments.toggle')}
          </Button>
        )
      }
    >
      {report.type === 'case_study' && section === 's_results' && <IndicatorsTable indicators={report.fields.indicators} readOnly={readOnly} onPatch={onPatch} />}
      {showComments && <CommentsPanel report={report} section={section} />}
    </SectionEditor>
  );
}
