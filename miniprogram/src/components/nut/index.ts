/**
 * The NutUI components the storefront uses, each with only its own stylesheet (the full sheet is
 * 228 KB). Import NutUI from here, never from the package directly.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/inputnumber/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { Button, InputNumber, Progress, Switch } from '@nutui/nutui-react-taro';
