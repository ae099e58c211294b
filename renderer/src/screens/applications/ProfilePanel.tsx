import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ApplicationFields } from '../../../../shared/model/vetting';
import { declarationKinds } from '../../../../shared/model/vetting/application';
import { countryName, formatDateTime, languageName, useI18n } from '../../i18n';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { Detail, Section } from '../../components/Section';

/** The applicant's proposed profile and what they declared: what acceptance would publish, as sent. */
export function ProfilePanel({ fields }: { fields: ApplicationFields }) {
  const { locale, t } = useI18n();
  const taxonomy = useTaxonomy();
  const notGiven = (
    <Text span c="dimmed">
      {t('common.notGiven')}
    </Text>
  );
  const or = (v: string | null | undefined) => (v ? v : notGiven);
  return (
    <>
      <Section title={t('apps.section.profile')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Detail label={t('field.position')}>{or(fields.position)}</Detail>
            <Detail label={t('field.agency')}>{or(fields.agency)}</Detail>
            <Detail label={t('field.email')}>{or(fields.email)}</Detail>
            <Detail label={t('field.phone')}>{or(fields.phone)}</Detail>
            <Detail label={t('apps.field.yearsExperience')}>{fields.yearsExperience === null ? notGiven : fields.yearsExperience}</Detail>
            <Detail label={t('apps.field.applicantType')}>{t(`apps.applicantType.${fields.applicantType}`)}</Detail>
          </SimpleGrid>
          {fields.careerSummary && <Text style={{ whiteSpace: 'pre-wrap' }}>{fields.careerSummary}</Text>}
          <Detail label={t('expert.section.expertise')}>
            {fields.expertise.length === 0 ? (
              notGiven
            ) : (
              <Group gap={6}>
                {fields.expertise.map((id) => (
                  <Badge key={id} variant="light" radius="sm" style={{ textTransform: 'none' }}>
                    {taxonomy.label(id)}
                  </Badge>
                ))}
              </Group>
            )}
          </Detail>
          <Detail label={t('expert.section.languages')}>
            {fields.languages.length === 0 ? notGiven : fields.languages.map((l) => `${languageName(locale, l.code)} (${t(`proficiency.${l.proficiency}`)})`).join(', ')}
          </Detail>
          <Detail label={t('expert.section.education')}>
            {fields.education.length === 0 ? notGiven : fields.education.map((e) => [e.qualification, e.institution, e.year].filter((x) => x !== null && x !== '').join(', ')).join(' · ')}
          </Detail>
        </Stack>
      </Section>
      <Section title={t('apps.section.recommendation')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Detail label={t('apps.field.nominatingCountry')}>{countryName(locale, fields.nominatingCountry)}</Detail>
            <Detail label={t('apps.field.recommenderBody')}>{fields.recommenderBody ? t(`apps.recommenderBody.${fields.recommenderBody}`) : notGiven}</Detail>
            <Detail label={t('apps.field.recommenderName')}>{or(fields.recommenderName)}</Detail>
            <Detail label={t('apps.field.recommenderOrganisation')}>{or(fields.recommenderOrganisation)}</Detail>
          </SimpleGrid>
          <Detail label={t('apps.field.declarations')}>
            <Stack gap={2} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
              {declarationKinds.map((kind) => {
                const signed = fields.declarations[kind];
                return (
                  <li key={kind}>
                    {t(`apps.declaration.${kind}`)}:{' '}
                    {signed ? (
                      t('apps.declaration.signed', { name: signed.signedName, when: formatDateTime(locale, signed.signedAt) })
                    ) : (
                      <Text span c="red.9" fw={500}>
                        {t('apps.declaration.unsigned')}
                      </Text>
                    )}
                  </li>
                );
              })}
            </Stack>
          </Detail>
          <Detail label={t('apps.field.consent')}>
            {fields.consentSections.length === 0 ? t('apps.consent.none') : fields.consentSections.map((s) => t(`apps.consent.${s}`)).join(', ')}
          </Detail>
          {fields.declaredConflicts.length > 0 && <Detail label={t('apps.field.declaredConflicts')}>{fields.declaredConflicts.join(', ')}</Detail>}
        </Stack>
      </Section>
    </>
  );
}
