export * from './actions';
export * from './attachments';
export * from './core';
export * from './timing';
