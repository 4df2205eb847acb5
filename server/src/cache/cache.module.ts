import { Global, Module } from '@nestjs/common';
import { CacheVersionsService } from './cache-versions.service';

/** Versions of the in-memory caches, shared by every API process through the database. */
@Global()
@Module({ providers: [CacheVersionsService], exports: [CacheVersionsService] })
export class CacheModule {}
