export * from './actions';
export * from './core';
export * from './timing';
