import { Notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { ReportDetail } from '../../../../../shared/contract/reports';
import { useApi } from '../../../api/ApiProvider';
import { createApi } from '../../../api/client';
import { callOrThrow } from '../../../api/queries';
import { AppProviders } from '../../../App';
import type { Locale } from '../../../i18n';
import { CoreBridge } from '../../../test/coreBridge';
import { call } from '../../applications/testing';
import type { ReportPatch } from './model';
import type { PanelProps } from './types';

/**
 * The panels' tests: a real core on a fresh data folder with a curator profile, one record
 * created through reports.create, and the panel rendered as the editor page renders it —
 * `report` from reports.get, `onPatch` through reports.update (rejecting with the core's error).
 */

export async function reportCore(create: Input<'reports.create'>) {
  const bridge = new CoreBridge();
  await call(bridge, 'profile.create', { name: 'Ana Curator', role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
  const report = await call(bridge, 'reports.create', create);
  return { bridge, report };
}

function Host({ id, Panel, readOnly }: { id: string; Panel: ComponentType<PanelProps>; readOnly: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const key = ['reports.get', { id }] as const;
  const report = useQuery({ queryKey: key, queryFn: ({ signal }) => callOrThrow(api, 'reports.get', { id }, signal) });
  if (!report.data) return null;
  const onPatch = async (patch: ReportPatch) => {
    // As the editor page does: a refusal rejects with the query layer's ApiError.
    client.setQueryData(key, await callOrThrow(api, 'reports.update', { id, type: report.data.type, patch } as Input<'reports.update'>));
  };
  return (
    <div data-testid="panel-host" data-ready="true">
      <Panel report={report.data} onPatch={onPatch} readOnly={readOnly} />
    </div>
  );
}

export async function renderPanel(Panel: ComponentType<PanelProps>, { bridge, report, readOnly = false, locale = 'en' }: { bridge: CoreBridge; report: ReportDetail; readOnly?: boolean; locale?: Locale }) {
  const utils = render(
    <AppProviders api={createApi(bridge)} locale={locale} testEnv>
      <Notifications />
      <Host id={report.id} Panel={Panel} readOnly={readOnly} />
    </AppProviders>,
  );
  await screen.findByTestId('panel-host');
  return utils;
}

/** The record as the core holds it now. */
export const stored = (bridge: CoreBridge, id: string) => call(bridge, 'reports.get', { id });
