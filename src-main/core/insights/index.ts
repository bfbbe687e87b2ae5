export * from './best-times';
export * from './charts';
export * from './dates';
export * from './kpis';
export * from './matching';
export * from './numbers';
export * from './parse';
export * from './sources';
