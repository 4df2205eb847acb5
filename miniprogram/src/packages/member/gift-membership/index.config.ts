export default definePageConfig({ navigationBarTitleText: '送会员给好友', enableShareAppMessage: true });
