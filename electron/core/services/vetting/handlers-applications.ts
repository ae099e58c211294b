import type { Handlers } from '../../rpc/dispatch';
import { AppError } from '../../../../shared/contract/result';
import { canDecide } from '../../../../shared/model/vetting/roles';
import { decodeBase64, putAttachment } from '../attachments';
import { act } from './act';
import { createApplication, updateApplication } from './applications';
import type { VettingContext } from './context';
import { applicationDetail, visibleApplication } from './detail';
import { markedFields } from './duplicates';
import { listApplications } from './list';

type ApplicationMethods =
  | 'applications.create'
  | 'applications.update'
  | 'applications.get'
  | 'applications.list'
  | 'applications.act'
  | 'applications.markDuplicate'
  | 'applications.putAttachment';

/** The applications area's methods (core/app.ts spreads them into the one dispatch). */
export function applicationHandlers(ctx: VettingContext): Pick<Handlers, ApplicationMethods> {
  return {
    'applications.create': (i) => createApplication(ctx, i.fields),
    'applications.update': (i) => updateApplication(ctx, i),
    'applications.get': (i) => applicationDetail(ctx, i.id),
    'applications.list': (i) => listApplications(ctx.db, ctx.requireActor(), i),
    'applications.act': (i) => act(ctx, i),
    'applications.markDuplicate': (i) => {
      const who = ctx.requireActor();
      const { app } = visibleApplication(ctx, who, i.id);
      if (!canDecide(who)) throw new AppError('NOT_ALLOWED', 'Only the secretariat (a curator or an admin) marks duplicates. Nothing was saved.');
      const fields = markedFields(ctx.db, app, i.candidate, i.verdict);
      ctx.funnel.write(who.id, [{ entity: 'application', id: i.id, fields }]);
      ctx.changed('application');
      return applicationDetail(ctx, i.id);
    },
    'applications.putAttachment': async (i) => {
      const who = ctx.requireActor();
      if (who.role === 'reviewer') throw new AppError('NOT_ALLOWED', 'A reviewer cannot attach files to an application. Nothing was stored.');
      let bytes: Buffer;
      try {
        bytes = decodeBase64(i.dataBase64);
      } catch {
        throw new AppError('ATTACHMENT_INVALID', 'The file could not be read. Choose it again.');
      }
      return putAttachment(ctx.db, i.name, bytes, ctx.now());
    },
  };
}
