import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI: `pnpm typeorm migration:run -d dist/database/data-source.js`. */
export default new DataSource(dataSourceOptions(loadConfig().database));
