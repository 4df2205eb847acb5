import { sanitizeDescription } from './product-description';

describe('product description sanitising', () => {
  it('keeps formatting, lists and http(s) images', () => {
    const html =
      '<h3>产地</h3><p><strong>云南</strong> 高山<em>茶园</em></p><ul><li>一</li></ul><img src="https://img.example.com/a.jpg" alt="茶">';
    expect(sanitizeDescription(html)).toBe(html.replace(/>$/, ' />'));
  });

  it('drops scripts, event handlers, styles and javascript: links', () => {
    const html =
      '<p onclick="steal()" style="color:red">好茶<script>alert(1)</script></p><a href="javascript:alert(1)">点</a><img src="data:image/png;base64,xx">';
    expect(sanitizeDescription(html)).toBe('<p>好茶</p><a rel="noopener noreferrer" target="_blank">点</a><img />');
  });

  it('leaves plain text as it is', () => {
    expect(sanitizeDescription('每日坚果 30 包')).toBe('每日坚果 30 包');
  });
});
