/** The bare workflow's one activity: it does nothing, so what it costs is the engine's round trip. */
export const bareActivities = {
  async nothing(): Promise<void> {},
};
export type BareActivities = typeof bareActivities;

export const BARE_TASK_QUEUE = 'bench-bare';
