// The design document model: schema, upgrades, operations, presets, snapping, history, resize.
export * from './schema';
export * from './upgrade';
export * from './geometry';
export * from './ops';
export * from './presets';
export * from './snapping';
export * from './history';
export * from './magic-resize';
export * from './factory';
export * from './scene';
export * from './assets';
export * from './photo-design';
