// Public surface of the pure core. Filled by the token core, capture and diagram modules.
export {}
