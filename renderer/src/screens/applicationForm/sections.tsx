import { Checkbox, Radio, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { memo } from 'react';
import { countryCodes } from '../../../../shared/model/countries';
import { profileSections, type ProfileSection } from '../../../../shared/model/expert';
import { applicantTypes, recommenderBodies, type ApplicantType, type RecommenderBody } from '../../../../shared/model/vetting/application';
import { countryName, useI18n } from '../../i18n';
import type { FieldErrors } from '../../lib/issues';
import { sameDataProps } from '../../lib/memo';
import { FormSection } from '../form/formSections';
import { AttachmentField, type UploadAttachment } from './AttachmentField';
import type { ApplicationFormValues, FormMode } from './model';

/** Sets one field of the application form. */
export type SetValue = <K extends keyof ApplicationFormValues>(name: K, value: ApplicationFormValues[K]) => void;

/** A part of the form gets only its own fields and their messages, so typing elsewhere does not re-render it. */
export interface PartProps<K extends keyof ApplicationFormValues = keyof ApplicationFormValues> {
  values: Pick<ApplicationFormValues, K>;
  errors: FieldErrors;
  set: SetValue;
  touch(name: string): void;
  mode: FormMode;
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** Applicant type, the nominating member state, and the optional speaking experience. */
export const applicantFields = ['applicantType', 'nominatingCountry', 'speakingExperience'] as const;
export const ApplicantSection = memo(function ApplicantSection({ values, errors, set, touch, mode }: PartProps<(typeof applicantFields)[number]>) {
  const { locale, t } = useI18n();
  return (
    <FormSection title={t('application.section.applicant')}>
      <Radio.Group
        label={t(mode === 'kiosk' ? 'application.applicantType.you' : 'application.applicantType')}
        value={values.applicantType}
        onChange={(v) => {
          set('applicantType', v as ApplicantType);
          touch('applicantType');
        }}
        error={errors.applicantType}
        withAsterisk
        data-invalid={errors.applicantType ? 'true' : undefined}
      >
        <Group gap="lg" mt={6}>
          {applicantTypes.map((type) => (
            <Radio key={type} value={type} label={t(`application.applicantType.${type}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Select
        label={t('application.nominatingCountry')}
        description={t('application.nominatingCountry.description')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
        value={values.nominatingCountry || null}
        onChange={(v) => {
          set('nominatingCountry', (v ?? '') as ApplicationFormValues['nominatingCountry']);
          touch('nominatingCountry');
        }}
        error={errors.nominatingCountry}
        required
        searchable
        allowDeselect={false}
        maw={360}
      />
      <Radio.Group label={t('application.speaking')} description={t('application.speaking.description')} value={yesNo(values.speakingExperience)} onChange={(v) => set('speakingExperience', v === 'yes')}>
        <Group gap="lg" mt={6}>
          <Radio value="yes" label={t('common.yes')} />
          <Radio value="no" label={t('common.no')} />
        </Group>
      </Radio.Group>
    </FormSection>
  );
}, sameDataProps);

/** Who recommends the applicant, what kind of body they speak for, and their letter. */
export const recommendationFields = ['recommenderName', 'recommenderOrganisation', 'recommenderBody', 'recommendationLetter'] as const;
export const RecommendationSection = memo(function RecommendationSection({ values, errors, set, touch, upload }: PartProps<(typeof recommendationFields)[number]> & { upload: UploadAttachment }) {
  const { t } = useI18n();
  return (
    <FormSection title={t('application.section.recommendation')} description={t('application.section.recommendation.description')}>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('application.recommenderName')}
          value={values.recommenderName}
          onChange={(e) => set('recommenderName', e.currentTarget.value)}
          onBlur={() => touch('recommenderName')}
          error={errors.recommenderName}
          miw={240}
        />
        <TextInput
          label={t('application.recommenderOrganisation')}
          value={values.recommenderOrganisation}
          onChange={(e) => set('recommenderOrganisation', e.currentTarget.value)}
          onBlur={() => touch('recommenderOrganisation')}
          error={errors.recommenderOrganisation}
          miw={240}
        />
      </Group>
      <Radio.Group label={t('application.recommenderBody')} value={values.recommenderBody ?? ''} onChange={(v) => set('recommenderBody', v as RecommenderBody)} error={errors.recommenderBody}>
        <Group gap="lg" mt={6}>
          {recommenderBodies.map((body) => (
            <Radio key={body} value={body} label={t(`application.recommenderBody.${body}`)} />
          ))}
        </Group>
      </Radio.Group>
      <AttachmentField label={t('application.letter')} value={values.recommendationLetter} onChange={(v) => set('recommendationLetter', v)} upload={upload} error={errors.recommendationLetter} />
    </FormSection>
  );
}, sameDataProps);

/** The CV, and the people or organisations the applicant declares a conflict of interest with. */
export const cvFields = ['cv', 'declaredConflicts'] as const;
export const CvAndConflictsSection = memo(function CvAndConflictsSection({ values, errors, set, touch, upload, mode }: PartProps<(typeof cvFields)[number]> & { upload: UploadAttachment }) {
  const { t } = useI18n();
  return (
    <FormSection title={t('application.section.cv')}>
      <AttachmentField label={t('application.cv')} value={values.cv} onChange={(v) => set('cv', v)} upload={upload} error={errors.cv} />
      <TagsInput
        label={t('application.conflicts')}
        description={t(mode === 'kiosk' ? 'application.conflicts.description.you' : 'application.conflicts.description')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={values.declaredConflicts}
        onChange={(v) => set('declaredConflicts', v)}
        onBlur={() => touch('declaredConflicts')}
        error={errors.declaredConflicts ?? Object.entries(errors).find(([k]) => k.startsWith('declaredConflicts.'))?.[1]}
        clearable
        maxTags={20}
      />
    </FormSection>
  );
}, sameDataProps);

/** Which profile sections may be published in the directory once the application is accepted. */
export const ConsentSection = memo(function ConsentSection({ values, set }: PartProps<'consentSections'>) {
  const { t } = useI18n();
  return (
    <FormSection title={t('application.section.consent')} description={t('application.section.consent.description')}>
      <Checkbox.Group value={values.consentSections} onChange={(v) => set('consentSections', v as ProfileSection[])} aria-label={t('application.section.consent')}>
        <Stack gap="xs">
          {profileSections.map((section) => (
            <Checkbox key={section} value={section} label={t(`expert.section.${section}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
    </FormSection>
  );
}, sameDataProps);
