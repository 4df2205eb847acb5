import { isAllowedExternalImage, storedKeyOf } from './image-urls';

describe('image URLs banners and products may show', () => {
  const local = (key: string) => `/media/${key}`;
  const hash = '0123456789abcdef0123456789abcdef';

  it('a stored picture is known by its content-hash key under the storage URL', () => {
    expect(storedKeyOf(`/media/${hash}.png`, local)).toBe(`${hash}.png`);
    expect(storedKeyOf(`/media/${hash}.thumb.jpg`, local)).toBe(`${hash}.thumb.jpg`);
    for (const url of [
      `/elsewhere/${hash}.png`,
      '/media/../x.png',
      `/media/${hash}.svg`,
      `https://evil.example/media/${hash}.png`,
    ])
      expect(storedKeyOf(url, local)).toBeNull();
  });

  it('an outside picture must be https on an allow-listed host', () => {
    expect(isAllowedExternalImage('https://cdn.example.com/a.jpg', ['cdn.example.com'])).toBe(true);
    for (const url of [
      'http://cdn.example.com/a.jpg',
      'https://cdn.example.com.evil.example/a.jpg',
      'https://u:p@cdn.example.com/a.jpg',
      'javascript:alert(1)',
      '//cdn.example.com/a.jpg',
    ]) {
      expect(isAllowedExternalImage(url, ['cdn.example.com'])).toBe(false);
    }
  });
});
