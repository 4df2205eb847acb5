import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * One config for both targets. weapp needs an absolute API origin (TARO_APP_API_BASE, read at build
 * time); H5 is served by the server itself at /h5/, so it talks to the same origin ('').
 */
export default defineConfig<'webpack5'>(() => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const apiBase = isH5
    ? (process.env.TARO_APP_H5_API_BASE ?? '')
    : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

  // Keep licence comments inline instead of emitting *.LICENSE.txt files into the package.
  const noLicenceFiles = (chain: any) => {
    if (chain.optimization.minimizers.has('terserPlugin')) {
      chain.optimization.minimizer('terserPlugin').tap((args: any[]) => [{ ...args[0], extractComments: false }]);
    }
  };

  // weapp has no fetch API: openapi-fetch's `Headers` and `FormData` come from our shim (src/services/fetch-shims.ts).
  const fetchShims = path.resolve(__dirname, '..', 'src', 'services', 'fetch-shims.ts');
  const miniChain = (chain: any) => {
    noLicenceFiles(chain);
    chain
      .plugin('providerPlugin')
      .tap((args: any[]) => [{ ...args[0], Headers: [fetchShims, 'Headers'], FormData: [fetchShims, 'FormData'] }]);
  };

  // Taro splits H5 chunks for 'initial' chunks only, so every lazily loaded page carried its own
  // copy of NutUI and our components; sharing async chunks too cuts the H5 JS by more than half.
  const shareAsyncChunks = (chain: any) => {
    noLicenceFiles(chain);
    const splitChunks = chain.optimization.get('splitChunks');
    if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
  };

  const config: UserConfigExport<'webpack5'> = {
    projectName: 'member-commerce',
    date: '2026-11-23',
    // NutUI is drawn at 375 px; our own styles at 750 rpx.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file : undefined;
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: miniChain,
    },
    h5: {
      webpackChain: shareAsyncChunks,
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
