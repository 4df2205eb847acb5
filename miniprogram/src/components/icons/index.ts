/**
 * Icons from NutUI's icon set (SVG shipped inside the npm package, so they draw offline and on every
 * device, unlike emoji). Import icons from here, never from the package directly, so the sheet is loaded.
 */
import '@nutui/icons-react-taro/dist/style_icon.css';

export { Gift, Location, Order, Refresh, Refund, Service, Star, Success, ToPay, Transit, WaitReceive } from '@nutui/icons-react-taro';
