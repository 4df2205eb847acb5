import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { APP_CONFIG, AppConfig } from './app-config';

/**
 * Provides the one validated `AppConfig` (see load-config.ts) through @nestjs/config, so features
 * inject a typed object rather than reading `process.env`.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: config })] })],
      providers: [
        {
          provide: APP_CONFIG,
          inject: [ConfigService],
          useFactory: (service: ConfigService) => service.getOrThrow<AppConfig>('app'),
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
