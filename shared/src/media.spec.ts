import { thumbnailUrl } from './media';

describe('thumbnailUrl', () => {
  it('points a stored picture at its thumbnail beside it', () => {
    expect(thumbnailUrl('/media/0123456789abcdef0123456789abcdef.png')).toBe(
      '/media/0123456789abcdef0123456789abcdef.thumb.jpg',
    );
    expect(thumbnailUrl('https://cdn.example.com/shop/0123456789abcdef0123456789abcdef.jpg')).toBe(
      'https://cdn.example.com/shop/0123456789abcdef0123456789abcdef.thumb.jpg',
    );
  });

  it('leaves a picture it did not store alone', () => {
    expect(thumbnailUrl('https://example.com/apple.jpg')).toBe('https://example.com/apple.jpg');
  });
});
