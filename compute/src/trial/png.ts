import { PNG } from 'pngjs';

/** Image layout of one example: NHWC flattened, values in [0,1]. Toy 2-D points have no image. */
export interface ImageShape { h: number; w: number; c: number }

/** Interprets a dataset shape ([h,w,c] images, or [d] vectors) as an image shape, or null when it is not an image. */
export function imageShapeOf(shape: readonly number[]): ImageShape | null {
  if (shape.length === 3 && shape[0] >= 4 && shape[1] >= 4) return { h: shape[0], w: shape[1], c: shape[2] };
  return null;
}

/**
 * Encodes images side by side (with a 2-pixel gap) as one PNG, each upscaled by an integer factor so that small
 * images (28x28) stay legible.
 */
export function imageStripPng(images: Float32Array[], shape: ImageShape, scale = shape.h < 48 ? 3 : 1): Uint8Array {
  const gap = 2;
  const cellW = shape.w * scale;
  const width = images.length * cellW + (images.length - 1) * gap;
  const height = shape.h * scale;
  const png = new PNG({ width, height });
  png.data.fill(255);
  images.forEach((img, k) => {
    const x0 = k * (cellW + gap);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < cellW; x++) {
        const src = (Math.floor(y / scale) * shape.w + Math.floor(x / scale)) * shape.c;
        const dst = (y * width + x0 + x) * 4;
        for (let ch = 0; ch < 3; ch++) {
          const v = img[src + (shape.c === 1 ? 0 : ch)];
          png.data[dst + ch] = Math.max(0, Math.min(255, Math.round(v * 255)));
        }
        png.data[dst + 3] = 255;
      }
    }
  });
  return new Uint8Array(PNG.sync.write(png));
}

/** Picks about `count` indices spread evenly over 0..n-1, always including the first and the last. */
export function sampleEvenly(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round((k * (n - 1)) / (count - 1)));
  return [...out].sort((a, b) => a - b);
}
