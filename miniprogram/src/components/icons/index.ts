/**
 * Icons from NutUI's icon set (SVG shipped inside the npm package, so they draw offline and on every
 * device, unlike emoji that render as empty boxes where the font lacks them). Import icons from here,
 * never from the package directly, so the sheet is loaded once.
 */
import '@nutui/icons-react-taro/dist/style_icon.css';

export {
  Cart,
  Clock,
  Coupon,
  Gift,
  Location,
  Order,
  Prices,
  Refresh,
  Refund,
  Service,
  Star,
  StarF,
  Success,
  ToPay,
  Transit,
  User,
  WaitReceive,
  Warning,
} from '@nutui/icons-react-taro';
