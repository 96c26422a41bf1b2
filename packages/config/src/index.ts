export { loadConfig, ConfigError } from './load-config';
export { CommonEnv, PersonalDataServiceEnv, LOG_LEVELS, natsServers, type LogLevel } from './common-env';
