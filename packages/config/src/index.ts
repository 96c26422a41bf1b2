export { loadConfig, ConfigError } from './load-config';
export { CommonEnv, LOG_LEVELS, natsServers, type LogLevel } from './common-env';
