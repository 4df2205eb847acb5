import { imageKindOf, isPhotoName } from './photo-store';

describe('photo checks', () => {
  it('the image type comes from the bytes, not from what the client declares', () => {
    expect(imageKindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.ext).toBe('jpg');
    expect(imageKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.ext).toBe('png');
    expect(imageKindOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))?.ext).toBe('webp');
    expect(imageKindOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('only store-made names are accepted, so a name cannot walk out of the folder', () => {
    expect(isPhotoName('0b7c5a4e-9a5e-4c52-9b1e-2f3c4d5e6f70.png')).toBe(true);
    expect(isPhotoName('../../etc/passwd')).toBe(false);
    expect(isPhotoName('0b7c5a4e-9a5e-4c52-9b1e-2f3c4d5e6f70.svg')).toBe(false);
  });
});
