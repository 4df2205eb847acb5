export default definePageConfig({ navigationBarTitleText: '开通结果' });
