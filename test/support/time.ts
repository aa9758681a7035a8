/**
 * Time limits that follow the machine: jest.config.js sets the scale from the load when the run
 * starts (1 on an idle machine, up to 4 when other work holds the cores), so a busy machine makes a
 * test slower, not failed. Waits follow events (`eventually`); only their limits scale.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.TEST_TIME_SCALE ?? 1) || 1);

export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE);
