export default definePageConfig({ navigationBarTitleText: '登录（开发模式）' });
