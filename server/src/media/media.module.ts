import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createFileStorage } from './create-file-storage';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { MediaAdminController } from './media-admin.controller';
import { MediaService } from './media.service';

/** Picture uploads and the file storage behind them (local folder or S3-compatible bucket, by config). */
@Global()
@Module({
  controllers: [MediaAdminController],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createFileStorage(config.media.storage),
    },
    MediaService,
  ],
  exports: [FILE_STORAGE, MediaService],
})
export class MediaModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage & { destroy?: () => void }) {}

  onApplicationShutdown(): void {
    this.storage.destroy?.();
  }
}
