import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { quietLog, type Log } from '../platform/log';
import { CONSOLE_DIR } from '../platform/console-build';
import { requireUser } from './auth';
import { codecServer } from './codec-server';
import { refused, reworded, toHttpError, type ErrorBody } from './errors';
import { namesUnknownOrganisation, rememberOrganisations } from './refusal-names';
import { organizationRows } from '../store/organizations';
import { DOCS_PAGE, openApiDocument } from './openapi';
import { contractsDocument } from '../integrations/contracts';
import { createMetrics } from './metrics';
import { TooManyAttempts } from './login-limit';
import { observeRequests } from './observe';
import { localizedDetails, localizedMessage, logRefusal, REFUSALS } from './refusals';
import { callerLang } from './refusal-words';
import { labelRoutes, mount, type ApiDeps, type Route, type RouteDeps } from './route';
import { login, logout, me } from './routes/identity';
import { health, metrics } from './routes/operations';
import { exportProcess, getHistory, getOrganisationKeys, getPublicKey, verifyAudit } from './routes/audit';
import { getProcess, getTimeline, listProcesses, listProcessTypes, startProcess, startProcessAction } from './routes/processes';
import { getDocumentPdf, listDocuments, listProcessDocuments } from './routes/documents';
import { getAttachment, listAttachments, uploadAttachment } from './routes/attachments';
import { getPenalty, listPenalties } from './routes/penalties';
import { getAgreement, getAuthority, getPowers, listAgreements } from './routes/powers';
import { listPilots } from './routes/pilots';
import { listDemands, listInnovations, listTrainingSessions, recordTrainingSession } from './routes/reform';
import { getPublicPowers } from './routes/public-catalog';
import { getCalendar, getZone, listOrganizations, listZones, setOrganizationUscc } from './routes/registries';
import { listDivisions, listParks, zoneContaining } from './routes/divisions';
import { getStatistics, takeStatisticsSnapshot } from './routes/statistics';
import { exportStatistics } from './routes/statistics-export';
import { listIndicators } from './routes/indicators';
import { listInspectionsRoute, listPublicInspections } from './routes/inspections';
import { completeTask, getTask, listTasks } from './routes/tasks';
import { getEntity, listEntitiesRoute, listVerifications } from './routes/entities';
import { listNotifications, listOversight, markNotificationRead } from './routes/notifications';
import { listNotificationChannels, setNotificationChannels } from './routes/notification-channels';
import { submitApplication, taxCallback } from './routes/system';

/** The whole API in one table: the app and /openapi.json are both made from it. */
export const routes: Route[] = [
  login,
  logout,
  me,
  health,
  metrics,
  listProcessTypes,
  startProcess,
  listProcesses,
  getProcess,
  getTimeline,
  listProcessDocuments,
  getDocumentPdf,
  listAttachments,
  getAttachment,
  uploadAttachment,
  listDocuments,
  startProcessAction,
  listTasks,
  getTask,
  completeTask,
  listNotifications,
  markNotificationRead,
  listOversight,
  listNotificationChannels,
  setNotificationChannels,
  listOrganizations,
  setOrganizationUscc,
  listZones,
  // Before /api/zones/{code}: "containing" is no division code.
  zoneContaining,
  getZone,
  listDivisions,
  listParks,
  getCalendar,
  getPowers,
  getPublicPowers,
  listAgreements,
  getAgreement,
  getAuthority,
  listEntitiesRoute,
  getEntity,
  listVerifications,
  listPenalties,
  getPenalty,
  listPilots,
  listInnovations,
  listDemands,
  listTrainingSessions,
  recordTrainingSession,
  getStatistics,
  exportStatistics,
  listIndicators,
  listInspectionsRoute,
  listPublicInspections,
  takeStatisticsSnapshot,
  getHistory,
  exportProcess,
  verifyAudit,
  getPublicKey,
  getOrganisationKeys,
  submitApplication,
  taxCallback,
];

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every JSON answer for an ETag: for an inbox page (100 tasks, 130 kB) that cost as
  // much CPU as serialising it, for 304s that no client of this API asks for. Static files keep theirs.
  app.disable('etag');
  const log = deps.log ?? quietLog;
  const routeDeps: RouteDeps = { ...deps, metrics: createMetrics(deps.db) };
  app.use(observeRequests(log, routeDeps.metrics));
  app.use(securityHeaders);
  labelRoutes(app, routes);
  // No body is read here: each route reads its own, after the token and the caller's roles (api/route.ts).
  const document = openApiDocument(routes);
  app.get('/openapi.json', (_req, res) => res.json(document));
  app.get('/docs', (_req, res) => res.type('html').send(DOCS_PAGE));
  // What the product sends to outside systems, as published to them (integrations/).
  const contracts = contractsDocument();
  app.get('/contracts.json', (_req, res) => res.json(contracts));

  const open = express.Router();
  mount(
    open,
    routes.filter((route) => route.public),
    routeDeps,
  );
  app.use(open);
  const guarded = express.Router();
  guarded.use('/api', requireUser(deps.token, deps.db));
  mount(
    guarded,
    routes.filter((route) => !route.public),
    routeDeps,
  );
  app.use(guarded);
  app.use(codecServer(deps));

  app.use('/api', (req, _res, next) => next(refused('ROUTE_NOT_FOUND', { method: req.method, path: req.originalUrl })));
  // The web console: one origin with the API, so no CORS.
  app.use('/console', express.static(CONSOLE_DIR, { index: false }));
  app.get('/', (_req, res) => res.sendFile(join(CONSOLE_DIR, 'index.html')));
  app.use((req, _res, next) => next(refused('ROUTE_NOT_FOUND', { method: req.method, path: req.path })));
  app.use(errorHandler(deps));
  return app;
}

/** The methods this API answers; anything else (TRACE, PUT, OPTIONS…) is a 405 before any route. */
const METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * Headers every answer carries: no sniffing, no framing, no referrer; the console's pages may load
 * only their own script and style (the docs page's inline script is the one exception, by hash-free
 * 'unsafe-inline' on that page alone).
 */
function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  const script = req.path === '/docs' ? "'self' 'unsafe-inline'" : "'self'";
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src ${script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  );
  if (!METHODS.has(req.method)) {
    res.setHeader('Allow', [...METHODS].join(', '));
    return next(refused('METHOD_NOT_SERVED', { method: req.method }));
  }
  next();
}

/** Every failure answered as an error body in the caller's language (Express 5 awaits it). */
const errorHandler =
  (deps: ApiDeps) =>
  async (error: unknown, req: Request, res: Response, _next: NextFunction): Promise<void> => {
    const parseFailure = (error as { type?: string }).type === 'entity.parse.failed';
    let http = parseFailure ? refused('BODY_NOT_JSON', {}, 'body') : toHttpError(error);
    // An organisation registered since this API started (a zone body, a new county's) is named, not given by its id.
    if (http.refusal && namesUnknownOrganisation(http.refusal.params)) {
      rememberOrganisations(await organizationRows(deps.db).catch(() => []));
      http = reworded(http);
    }
    if (REFUSALS.includes(http.status)) logRefusal(req, res, http);
    if (http instanceof TooManyAttempts) res.setHeader('Retry-After', String(http.retryAfterSeconds));
    if (http.status >= 500) {
      if (http.status === 503) res.setHeader('Retry-After', '5');
      else (res.locals.log as Log).error({ err: error }, `${req.method} ${req.originalUrl} failed`);
    }
    const lang = callerLang(req);
    const details = localizedDetails(http.details, lang);
    const refusal = http.refusal ? { reason: http.refusal.code, params: http.refusal.params } : {};
    const body: ErrorBody = {
      error: { code: http.code, ...refusal, message: localizedMessage(http, lang), ...(details ? { details } : {}) },
    };
    res.status(http.status).json(body);
  };
