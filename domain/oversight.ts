/** Who oversees an organisation's whole inbox (督查, `GET /api/tasks?view=oversight`): its readers beyond its own people. */
export const OVERSEERS = ['admin', 'auditor'] as const;
