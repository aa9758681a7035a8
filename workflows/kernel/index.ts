export * from './actions';
export * from './attachments';
export * from './core';
export * from './timing';
export * from './single-deadline';
export * from './patches';
