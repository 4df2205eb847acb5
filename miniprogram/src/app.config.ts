import { Routes, SubpackageRoots, TabRoutes } from './routes';

const strip = (route: string) => route.replace(/^\//, '');
const all = Object.values(Routes).map(strip);

const subPackages = SubpackageRoots.map((root) => ({
  root,
  pages: all.filter((p) => p.startsWith(`${root}/`)).map((p) => p.slice(root.length + 1)),
}));

export default defineAppConfig({
  // WeChat asks for privacy consent (wx.onNeedPrivacyAuthorization, see services/privacy.ts) before any privacy API.
  __usePrivacyCheck__: true,
  // The first entry is the launch page.
  pages: all.filter((p) => !SubpackageRoots.some((root) => p.startsWith(`${root}/`))),
  subPackages,
  window: {
    // 'default' also makes the H5 build draw Taro's top bar: the page title, and a back button off the tab pages.
    navigationStyle: 'default',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f1b16',
    navigationBarTitleText: '会员商城',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f3ef',
  },
  tabBar: {
    color: '#8a8580',
    selectedColor: '#b8893e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: strip(TabRoutes[0]),
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: strip(TabRoutes[1]),
        text: '会员',
        iconPath: 'assets/tab/member.png',
        selectedIconPath: 'assets/tab/member-active.png',
      },
      {
        pagePath: strip(TabRoutes[2]),
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: strip(TabRoutes[3]),
        text: '我的',
        iconPath: 'assets/tab/profile.png',
        selectedIconPath: 'assets/tab/profile-active.png',
      },
    ],
  },
  // WeChat's deduction-contract signing mini-program (委托代扣 小程序纯签约), opened by navigateToMiniProgram.
  navigateToMiniProgramAppIdList: ['wxbd687630cd02ce1d'],
  // Subpackages are downloaded when first opened; prefetch the shop when the home page shows.
  preloadRule: {
    [strip(Routes.home)]: { network: 'all', packages: ['packages/shop'] },
    [strip(Routes.membership)]: { network: 'all', packages: ['packages/member'] },
  },
});
