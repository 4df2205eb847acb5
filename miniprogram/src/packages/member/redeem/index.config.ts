export default definePageConfig({ navigationBarTitleText: '兑换会员' });
