export { inputValidationPipe, RpcErrorFilter } from './errors';
export { DatabaseModule, type DatabaseModuleOptions } from './database.module';
export { ServiceRuntimeModule, type ServiceRuntimeOptions } from './service-runtime.module';
export { createHealthController } from './health';
export { createAuditVerifyController } from './audit-verify';
export { loggerModule, REDACTED_PATHS } from './logger';
export { SignedRequestGuard } from './signed-request.guard';
export { bootMicroservice, exitOnBootFailure, type MicroserviceBootOptions } from './bootstrap';
export { PersonalDataModule } from './personal-data.module';
